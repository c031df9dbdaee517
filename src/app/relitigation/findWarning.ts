import type { Decision } from '../../domain/decision.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';
import type { StoredJudgement } from './ports.js';

export interface WarningTarget {
  judgement: StoredJudgement;
  decision: Decision;
}

/** The judgement a warning's button points at and the decision it named, as its channel sees it; null when gone. */
export async function findWarning(
  services: Pick<Services, 'judgements' | 'decisions'>,
  workspace: Workspace,
  judgementId: number,
): Promise<WarningTarget | null> {
  if (!Number.isSafeInteger(judgementId) || judgementId <= 0) return null;
  const judgement = await services.judgements.find(workspace, judgementId);
  if (!judgement) return null;
  const decision = await services.decisions.findByRef(workspace, judgement.decisionRef, {
    kind: 'channel',
    channelId: judgement.channelId,
  });
  return decision ? { judgement, decision } : null;
}
