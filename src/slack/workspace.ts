import type { Context } from '@slack/bolt';
import type { Workspace } from '../app/ports.js';

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
