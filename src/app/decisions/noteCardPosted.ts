import type { Decision } from '../../domain/decision.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

/** Remembers where a decision's card was posted, so list links and later updates can find it. */
export async function noteCardPosted(
  services: Pick<Services, 'decisions' | 'conversations'>,
  workspace: Workspace,
  decision: Decision,
  ts: string,
): Promise<void> {
  const permalink = await services.conversations.permalink(workspace, decision.source.channelId, ts);
  await services.decisions.attachCard(workspace, decision.id, { ts, permalink });
}
