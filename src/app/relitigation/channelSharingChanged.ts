import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

/** Slack said a channel was shared with, or unshared from, another organisation (Slack Connect). */
export function channelSharingChanged(
  services: Pick<Services, 'conversations'>,
  workspace: Workspace,
  channelId: string,
  shared: boolean,
): void {
  services.conversations.noteSharing(workspace, channelId, shared);
}
