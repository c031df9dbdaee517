import type { DecisionQuery } from '../../app/decisions/browseDecisions.js';
import type { KnownBlock } from '@slack/types';
import type { Page } from '../../domain/workspace.js';
import { z } from 'zod';
import { DECISION_STATUSES, type Decision, TAG_PATTERN } from '../../domain/decision.js';
import { ACTION, COMMAND } from '../ids.js';
import { decisionSummaryBlocks } from './decisionCard.js';
import { plainUserText } from './text.js';

export const RESULTS_PAGE_SIZE = 10;

/** What a page of results answers; it travels in the paging buttons' value, so it stays small. */
export type ResultsQuery = DecisionQuery;

export interface PageRequest {
  query: ResultsQuery;
  offset: number;
}

export function describeQuery(query: ResultsQuery): string {
  if (query.k === 'search') return `Decisions matching “${plainUserText(query.q, 200)}”`;
  const filters = [query.status, query.tag ? `#${query.tag}` : null].filter(Boolean);
  return filters.length > 0 ? `Decisions: ${filters.join(' ')}` : 'Decisions';
}

/** A page of decisions (at most 10, two blocks each) with Previous/Next buttons. */
export function decisionResultsBlocks(query: ResultsQuery, page: Page<Decision>): KnownBlock[] {
  if (page.total === 0 || page.items.length === 0) {
    const hint =
      query.k === 'search'
        ? 'Try fewer or shorter words — `strip` finds “Stripe”.'
        : `Record one with \`${COMMAND} <what you decided> because <why>\`.`;
    return [{ type: 'section', text: { type: 'mrkdwn', text: `*${describeQuery(query)}:* none found here. ${hint}` } }];
  }
  const first = page.offset + 1;
  const last = page.offset + page.items.length;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*${describeQuery(query)}* — ${first}–${last} of ${page.total}` },
    },
  ];
  for (const decision of page.items) blocks.push(...decisionSummaryBlocks(decision));
  const buttons = [];
  if (page.offset > 0)
    buttons.push(pageButton('Previous', { query, offset: Math.max(0, page.offset - RESULTS_PAGE_SIZE) }, 'prev'));
  if (last < page.total) buttons.push(pageButton('Next', { query, offset: last }, 'next'));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return blocks;
}

function pageButton(label: string, request: PageRequest, suffix: string) {
  const compact: PageRequest =
    request.query.k === 'search' ? { ...request, query: { k: 'search', q: request.query.q.slice(0, 500) } } : request;
  return {
    type: 'button' as const,
    // Two buttons in one block need distinct action ids; the listener matches both.
    action_id: `${ACTION.resultsPage}:${suffix}`,
    text: { type: 'plain_text' as const, text: label },
    value: JSON.stringify(compact),
  };
}

const pageRequestSchema = z.object({
  offset: z.number().int().min(0).max(100_000),
  query: z.discriminatedUnion('k', [
    z.object({ k: z.literal('search'), q: z.string().min(1).max(500) }),
    z.object({
      k: z.literal('list'),
      tag: z.string().regex(TAG_PATTERN).nullable(),
      status: z.enum(DECISION_STATUSES).nullable(),
    }),
  ]),
});

/** Reads a paging button's value back; anything that is not exactly what we wrote is refused. */
export function parsePageRequest(value: string | undefined): PageRequest | null {
  if (!value) return null;
  try {
    const parsed = pageRequestSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
