import type { Viewer, Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

/**
 * How a channel sees the ledger: public decisions and its own, or, for a channel shared with
 * another organisation (Slack Connect), its own only — the workspace's decisions are not quoted
 * in front of people outside it.
 */
export async function channelViewer(
  services: Pick<Services, 'conversations'>,
  workspace: Workspace,
  channelId: string,
): Promise<Viewer & { kind: 'channel' }> {
  const isolated = await services.conversations.isExternallyShared(workspace, channelId);
  return { kind: 'channel', channelId, isolated };
}
