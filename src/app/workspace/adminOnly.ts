/** The asker's standing in the workspace, as Slack reports it; `unknown` when Slack would not say. */
export type WorkspaceRole = 'admin' | 'member' | 'unknown';

export type AdminRefusal = 'not_admin' | 'role_unknown';

/**
 * Why someone may not act for the whole workspace, or null when they may: only its admins and
 * owners may, and not knowing who someone is counts as no.
 */
export function adminRefusal(role: WorkspaceRole): AdminRefusal | null {
  if (role === 'admin') return null;
  return role === 'member' ? 'not_admin' : 'role_unknown';
}
