import type { ExportableDecision } from '../../domain/adr/writeAdr.js';
import type { NewDecision } from '../decisions/ports.js';
import type { Workspace } from '../../domain/workspace.js';

export interface AdrRepository {
  /**
   * Records an imported ADR file once per workspace and path: a file read before with the same
   * content changes nothing, one whose content changed updates its record in place.
   */
  upsertImported(input: { workspace: Workspace; path: string; hash: string; decision: NewDecision }): Promise<{
    id: string;
    ref: number;
    outcome: 'imported' | 'updated' | 'unchanged';
  }>;
  /** Links two records as superseded and superseding, both ways. */
  linkSupersession(workspace: Workspace, olderId: string, newerId: string): Promise<void>;
  /** Every decision of the workspace (or of one channel), oldest ref first, with what an ADR file carries. */
  /** Private channels' decisions only with `includePrivate` (and then marked private). */
  exportable(workspace: Workspace, channelId: string | null, includePrivate: boolean): Promise<ExportableDecision[]>;
}
