import type { AdrDocument } from '../../domain/adr/adrDocument.js';
import type { Decision } from '../../domain/decision.js';
import type { Workspace } from '../../domain/workspace.js';
import { showDecision } from '../decisions/showDecision.js';
import type { Services } from '../services.js';

/**
 * `/decide show D-n full`: the whole record, with every section of the file it was imported
 * from, if the channel may see it. The document is null for a record made in Slack.
 */
export async function showFullRecord(
  services: Pick<Services, 'decisions' | 'conversations' | 'adrs'>,
  workspace: Workspace,
  channelId: string,
  ref: number,
): Promise<{ decision: Decision; document: AdrDocument | null } | null> {
  const shown = await showDecision(services, workspace, channelId, ref);
  if (!shown) return null;
  return { decision: shown.decision, document: await services.adrs.document(workspace, shown.decision.id) };
}
