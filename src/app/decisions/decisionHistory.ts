import type { Decision, DecisionEvent } from '../../domain/decision.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

/** What happened to a record, oldest first. */
export function decisionHistory(
  services: Pick<Services, 'decisions'>,
  workspace: Workspace,
  decision: Decision,
): Promise<DecisionEvent[]> {
  return services.decisions.history(workspace, decision.id);
}
