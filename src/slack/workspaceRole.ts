import type { WebClient } from '@slack/web-api';
import type { WorkspaceRole } from '../app/workspace/adminOnly.js';
import { classifySlackError, type SlackFailure } from './slackFailure.js';

/**
 * Whether someone may act for the whole workspace: its admins and owners, as users.info reports them
 * (it needs users:read). An org-wide install keeps one ledger for the organisation, so there only the
 * organisation's admins and owners count, not those of one of its workspaces.
 */
export async function workspaceRoleOf(
  client: WebClient,
  userId: string,
  orgWide: boolean,
): Promise<{ role: WorkspaceRole; failure?: SlackFailure }> {
  try {
    const { user } = await client.users.info({ user: userId });
    const standing = orgWide ? user?.enterprise_user : user;
    return { role: standing?.is_admin || standing?.is_owner || standing?.is_primary_owner ? 'admin' : 'member' };
  } catch (error) {
    return { role: 'unknown', failure: classifySlackError(error) };
  }
}
