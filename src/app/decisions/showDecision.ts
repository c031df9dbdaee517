import type { Decision, DecisionEvent } from '../../domain/decision.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';
import { channelViewer } from './channelViewer.js';

/** `/decide show D-n`: the record and its history, if the channel may see it. */
export async function showDecision(
  services: Pick<Services, 'decisions' | 'conversations'>,
  workspace: Workspace,
  channelId: string,
  ref: number,
): Promise<{ decision: Decision; history: DecisionEvent[] } | null> {
  const decision = await services.decisions.findByRef(
    workspace,
    ref,
    await channelViewer(services, workspace, channelId),
  );
  if (!decision) return null;
  return { decision, history: await services.decisions.history(workspace, decision.id) };
}
