import type { NewDecision } from '../../src/app/decisions/ports.js';
import type { Workspace } from '../../src/domain/workspace.js';
import type { Decision, DecisionContent } from '../../src/domain/decision.js';

/** Factories with sensible defaults; tests override only what they are about. */

export const WORKSPACE: Workspace = { workspaceId: 'T0001', enterpriseId: null };

let counter = 0;

export function aContent(overrides: Partial<DecisionContent> = {}): DecisionContent {
  return {
    title: 'We move billing to Stripe',
    context: '',
    rationale: 'Invoicing eats 2 days a month',
    consequences: '',
    alternatives: ['Chargebee'],
    aliases: [],
    deciders: ['U0ANA'],
    tags: ['payments'],
    status: 'accepted',
    decidedOn: '2026-11-22',
    revisitOn: null,
    ...overrides,
  };
}

export function aNewDecision(
  overrides: Partial<Omit<NewDecision, 'content'>> & { content?: Partial<DecisionContent> } = {},
): NewDecision {
  counter += 1;
  const { content, ...rest } = overrides;
  return {
    workspace: WORKSPACE,
    content: aContent(content),
    source: {
      channelId: 'C0PUBLIC',
      channelPrivate: false,
      messageTs: null,
      threadTs: null,
      permalink: null,
      participants: [],
    },
    createdBy: 'U0ANA',
    origin: 'command',
    idempotencyKey: `test:${counter}:${Math.random()}`,
    ...rest,
  };
}

export function aDecision(overrides: Partial<Decision> = {}): Decision {
  const content = aContent();
  return {
    ...content,
    id: '00000000-0000-4000-8000-000000000001',
    underReviewSince: null,
    workspaceId: 'T0001',
    ref: 14,
    source: {
      channelId: 'C0PUBLIC',
      channelPrivate: false,
      messageTs: null,
      threadTs: null,
      permalink: null,
      participants: [],
    },
    cardTs: null,
    cardPermalink: 'https://acme.slack.com/archives/C0PUBLIC/p1700000000000100',
    supersedes: null,
    supersededBy: null,
    createdBy: 'U0ANA',
    origin: 'command',
    createdAt: new Date('2026-11-22T10:00:00Z'),
    ...overrides,
  };
}
