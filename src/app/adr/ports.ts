import type { AdrDocument, RecordLink } from '../../domain/adr/adrDocument.js';
import type { ExportableDecision } from '../../domain/adr/writeAdr.js';
import type { NewDecision } from '../decisions/ports.js';
import type { Workspace } from '../../domain/workspace.js';

export interface AdrRepository {
  /**
   * Records an imported ADR file once per workspace and path: a file read before with the same
   * content changes nothing, one whose content changed updates its record in place.
   */
  /**
   * The record is found by the file's path, else by the record an export wrote it from
   * (`document.originId`: a record's id, or the origin its own document names), so importing an
   * export into the same ledger updates, never duplicates.
   */
  upsertImported(input: {
    workspace: Workspace;
    path: string;
    hash: string;
    decision: NewDecision;
    document: Omit<AdrDocument, 'links'>;
  }): Promise<{
    id: string;
    ref: number;
    outcome: 'imported' | 'updated' | 'unchanged';
  }>;
  /** The file a record was imported from, part by part; null for a record made in Slack. */
  document(workspace: Workspace, id: string): Promise<AdrDocument | null>;
  /** Replaces the typed links (amends, extends, clarifies, relates to) a record's document holds. */
  setLinks(workspace: Workspace, id: string, links: RecordLink[]): Promise<void>;
  /** Links two records as superseded and superseding, both ways. */
  linkSupersession(workspace: Workspace, olderId: string, newerId: string): Promise<void>;
  /**
   * Every decision of the workspace (or of one channel), oldest ref first, with what an ADR file
   * carries. Private channels' decisions only with `includePrivate` (and then marked private).
   */
  exportable(workspace: Workspace, channelId: string | null, includePrivate: boolean): Promise<ExportableDecision[]>;
}
