import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';
import type { StoredJudgement } from './ports.js';

/** A warning went out: its buttons can find it, and replies in its thread count towards relitigation. */
export async function noteWarningPosted(
  services: Pick<Services, 'judgements' | 'threadActivity'>,
  workspace: Workspace,
  channelId: string,
  judgement: StoredJudgement,
  warningTs: string | undefined,
): Promise<void> {
  if (warningTs) await services.judgements.attachWarning(workspace, judgement.id, warningTs);
  services.threadActivity.warnedIn(workspace, channelId, judgement.threadTs);
}
