import type { Decision } from '../../domain/decision.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

/** "Keep D-n as is": closes a review opened from a warning; false if nothing changed (someone answered first). */
export function keepDecision(
  services: Pick<Services, 'decisions'>,
  workspace: Workspace,
  decision: Decision,
  userId: string,
): Promise<boolean> {
  return services.decisions.setUnderReview(workspace, decision.id, 'kept', userId);
}
