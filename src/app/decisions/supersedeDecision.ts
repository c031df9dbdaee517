import { checkContent, type ContentProblem, type Decision, type DecisionContent } from '../../domain/decision.js';
import { indexDecisions } from '../relitigation/indexDecisions.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

export interface SupersedeDecisionProps {
  services: Pick<Services, 'decisions' | 'conversations' | 'relitigation' | 'detector'>;
  workspace: Workspace;
  /** The record being replaced; it must be visible from `channelId`. */
  ref: number;
  /** The new decision, recorded in `channelId`. */
  content: DecisionContent;
  channelId: string;
  createdBy: string;
  idempotencyKey: string;
}

export type SupersedeDecisionResult =
  | { ok: true; previous: Decision; current: Decision; created: boolean }
  | { ok: false; reason: 'invalid'; problems: ContentProblem[] }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'already_superseded'; previous: Decision }
  | { ok: false; reason: 'other_channel'; previous: Decision };

/** Records a new decision and links it with the old one both ways; the old record is kept, marked superseded. */
export async function supersedeDecision(props: SupersedeDecisionProps): Promise<SupersedeDecisionResult> {
  const problems = checkContent(props.content);
  if (problems.length > 0) return { ok: false, reason: 'invalid', problems };
  const channelPrivate = await props.services.conversations.isPrivate(props.workspace, props.channelId);
  const outcome = await props.services.decisions.supersede({
    workspace: props.workspace,
    ref: props.ref,
    viewer: { kind: 'channel', channelId: props.channelId },
    content: props.content,
    source: {
      channelId: props.channelId,
      channelPrivate,
      messageTs: null,
      threadTs: null,
      permalink: null,
      participants: [],
    },
    createdBy: props.createdBy,
    origin: 'supersede',
    idempotencyKey: props.idempotencyKey,
  });
  switch (outcome.kind) {
    case 'superseded':
      await indexDecisions(props.services, props.workspace, [outcome.current]);
      return { ok: true, previous: outcome.previous, current: outcome.current, created: outcome.created };
    case 'not_found':
      return { ok: false, reason: 'not_found' };
    case 'already_superseded':
      return { ok: false, reason: 'already_superseded', previous: outcome.previous };
    case 'other_channel':
      return { ok: false, reason: 'other_channel', previous: outcome.previous };
  }
}
