import type { Context } from '@slack/bolt';
import type { Workspace } from '../domain/workspace.js';

/**
 * The workspace a request belongs to. An org-wide Enterprise Grid install is one ledger keyed by the
 * enterprise id; anything else is keyed by its team id.
 */
export function workspaceOf(context: Context): Workspace {
  const enterpriseId = context.enterpriseId ?? null;
  const workspaceId = context.isEnterpriseInstall && enterpriseId ? enterpriseId : (context.teamId ?? enterpriseId);
  if (!workspaceId) throw new Error('Slack request carries neither a team nor an enterprise id');
  return { workspaceId, enterpriseId };
}

/**
 * Which installation serves a workspace, for work outside a request (jobs, the CLI). An org-wide
 * install keys its ledger by the enterprise id, and Slack's enterprise ids start with E (team ids
 * with T), so the id alone says which kind it is — rows read back by jobs need not carry both.
 */
export function installationQueryOf(workspace: Workspace): {
  teamId: string | undefined;
  enterpriseId: string | undefined;
  isEnterpriseInstall: boolean;
} {
  const orgWide = workspace.workspaceId.startsWith('E');
  return orgWide
    ? { teamId: undefined, enterpriseId: workspace.workspaceId, isEnterpriseInstall: true }
    : { teamId: workspace.workspaceId, enterpriseId: workspace.enterpriseId ?? undefined, isEnterpriseInstall: false };
}
