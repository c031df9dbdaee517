import { encodePlainText } from '../../domain/markup.js';
import type { Decision } from '../../domain/decision.js';
import type { Workspace } from '../../domain/workspace.js';
import { type SupersedeDecisionResult, supersedeDecision } from '../decisions/supersedeDecision.js';
import type { Services } from '../services.js';

export interface ReopenRequest {
  workspace: Workspace;
  judgementId: number;
  decisionRef: number;
  /** Where the warning was posted; the decision must be visible from there. */
  channelId: string;
  userId: string;
  /** What is new since the decision (required, plain text as typed). */
  whatIsNew: string;
  /** The decision that replaces it now, if any (plain text as typed); empty puts the old one under review. */
  newTitle: string;
  rationale: string;
  today: string;
  idempotencyKey: string;
}

export type ReopenOutcome =
  | { kind: 'not_found' }
  | { kind: 'superseded'; previous: Decision; current: Decision }
  | { kind: 'reopened'; decision: Decision }
  | { kind: 'refused'; decision: Decision; result: Exclude<SupersedeDecisionResult, { ok: true }> };

/**
 * "Reopen D-n" from a warning: with a new decision it supersedes the old one now; without, the old
 * one goes under review (and the watcher stays quiet about it). Either way the warning is answered.
 */
export async function reopenDecision(
  services: Pick<Services, 'decisions' | 'conversations' | 'relitigation' | 'detector' | 'judgements'>,
  request: ReopenRequest,
): Promise<ReopenOutcome> {
  const { workspace, userId } = request;
  const decision = await services.decisions.findByRef(workspace, request.decisionRef, {
    kind: 'channel',
    channelId: request.channelId,
  });
  if (!decision) return { kind: 'not_found' };
  if (request.newTitle === '') {
    await services.judgements.giveFeedback(workspace, request.judgementId, 'reopened', userId);
    await services.decisions.setUnderReview(workspace, decision.id, 'reopened', userId);
    return { kind: 'reopened', decision };
  }
  const result = await supersedeDecision({
    services,
    workspace,
    ref: decision.ref,
    channelId: request.channelId,
    createdBy: userId,
    idempotencyKey: request.idempotencyKey,
    content: {
      title: encodePlainText(request.newTitle),
      context: encodePlainText(request.whatIsNew),
      rationale: encodePlainText(request.rationale),
      consequences: '',
      alternatives: [],
      aliases: [],
      deciders: [userId],
      tags: decision.tags,
      status: 'accepted',
      decidedOn: request.today,
      revisitOn: null,
    },
  });
  if (!result.ok) return { kind: 'refused', decision, result };
  await services.judgements.giveFeedback(workspace, request.judgementId, 'reopened', userId);
  return { kind: 'superseded', previous: result.previous, current: result.current };
}
