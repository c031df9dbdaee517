import {
  checkContent,
  type ContentProblem,
  type Decision,
  type DecisionContent,
  type DecisionOrigin,
} from '../../domain/decision.js';
import { indexDecisions } from '../relitigation/indexDecisions.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

export interface RecordDecisionProps {
  services: Pick<Services, 'decisions' | 'conversations' | 'relitigation' | 'detector'>;
  workspace: Workspace;
  content: DecisionContent;
  /** The channel the decision belongs to; its privacy is looked up, never trusted from the payload. */
  channelId: string;
  /** The Slack message the decision came from, when it came from one. */
  message?: { ts: string; threadTs: string | null; permalink: string | null; participants: string[] };
  createdBy: string;
  origin: DecisionOrigin;
  /** Same key, same record: Slack retries and double clicks land here. */
  idempotencyKey: string;
}

export type RecordDecisionResult =
  | { ok: true; decision: Decision; created: boolean }
  | { ok: false; problems: ContentProblem[] };

export async function recordDecision(props: RecordDecisionProps): Promise<RecordDecisionResult> {
  const problems = checkContent(props.content);
  if (problems.length > 0) return { ok: false, problems };
  const channelPrivate = await props.services.conversations.isPrivate(props.workspace, props.channelId);
  const { decision, created } = await props.services.decisions.record({
    workspace: props.workspace,
    content: props.content,
    source: {
      channelId: props.channelId,
      channelPrivate,
      messageTs: props.message?.ts ?? null,
      threadTs: props.message?.threadTs ?? null,
      permalink: props.message?.permalink ?? null,
      participants: props.message?.participants ?? [],
    },
    createdBy: props.createdBy,
    origin: props.origin,
    idempotencyKey: props.idempotencyKey,
  });
  // Also on a retry: the first attempt may have stopped before its index row was written.
  await indexDecisions(props.services, props.workspace, [decision]);
  return { ok: true, decision, created };
}
