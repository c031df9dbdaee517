import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';
import type { StoredJudgement } from './ports.js';
import { relitigationCostKey } from './trackRelitigationThread.js';

/**
 * "Not a reopening": stored as feedback, so the watcher stays quiet about this decision in this
 * thread, and the thread's relitigation cost is withdrawn. `changed` is false when someone
 * answered first; `costError` is what withdrawing the cost threw, the feedback being kept.
 */
export async function dismissWarning(
  services: Pick<Services, 'judgements' | 'costs'>,
  workspace: Workspace,
  judgement: StoredJudgement,
  userId: string,
): Promise<{ changed: boolean; costError: unknown }> {
  const answered = await services.judgements.giveFeedback(workspace, judgement.id, 'dismissed', userId);
  if (!answered) return { changed: false, costError: null };
  const costKey = relitigationCostKey(judgement.channelId, judgement.threadTs, judgement.decisionId);
  const costError = await services.costs.remove(workspace, costKey).then(
    () => null,
    (error: unknown) => error ?? new Error('removing the cost failed'),
  );
  return { changed: true, costError };
}
