import { type AdminRefusal, adminRefusal, type WorkspaceRole } from './adminOnly.js';
import type { Workspace } from '../../domain/workspace.js';
import type { WorkspaceDataCounts } from './ports.js';
import type { Services } from '../services.js';

export interface PurgeWorkspaceProps {
  services: Pick<Services, 'workspacePurge'>;
  workspace: Workspace;
  /** Only admins and owners may delete a workspace's data; not knowing is a refusal too. */
  role: WorkspaceRole;
}

export type PurgeRefusal = { kind: 'refused'; reason: AdminRefusal };

export type PurgePreview = PurgeRefusal | { kind: 'nothing_stored' } | { kind: 'confirm'; counts: WorkspaceDataCounts };

export type PurgeOutcome = PurgeRefusal | { kind: 'nothing_left' } | { kind: 'purged'; deleted: WorkspaceDataCounts };

/** What `/decide admin purge` would delete, for an admin to confirm. */
export async function previewWorkspacePurge({ services, workspace, role }: PurgeWorkspaceProps): Promise<PurgePreview> {
  const refusal = refusalFor(role);
  if (refusal) return refusal;
  const counts = await services.workspacePurge.counts(workspace);
  return totalRows(counts) === 0 ? { kind: 'nothing_stored' } : { kind: 'confirm', counts };
}

/**
 * Deletes everything the workspace has stored, after the confirmation. A repeat — a double click,
 * Slack redelivering the click — finds nothing left and says so.
 */
export async function purgeWorkspace({ services, workspace, role }: PurgeWorkspaceProps): Promise<PurgeOutcome> {
  const refusal = refusalFor(role);
  if (refusal) return refusal;
  const deleted = await services.workspacePurge.purge(workspace);
  return totalRows(deleted) === 0 ? { kind: 'nothing_left' } : { kind: 'purged', deleted };
}

function refusalFor(role: WorkspaceRole): PurgeRefusal | null {
  const reason = adminRefusal(role);
  return reason ? { kind: 'refused', reason } : null;
}

function totalRows(counts: WorkspaceDataCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
