import { type AdrFormat, adrFileName, exportFileName, writeAdr } from '../../domain/adr/writeAdr.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

export interface ExportAdrsProps {
  services: Pick<Services, 'adrs'>;
  workspace: Workspace;
  /** Only this channel's decisions; null for the whole workspace. */
  channelId: string | null;
  format: AdrFormat;
  /** Private channels' decisions too, marked private; left out otherwise. */
  includePrivate?: boolean;
}

/**
 * The workspace's decisions as ADR files, one per decision: under the file name it was imported
 * from (folder-per-ADR paths included), else `NNNN-slug.md` by ref.
 */
export async function exportAdrs({
  services,
  workspace,
  channelId,
  format,
  includePrivate = false,
}: ExportAdrsProps): Promise<{ name: string; text: string }[]> {
  const decisions = await services.adrs.exportable(workspace, channelId, includePrivate);
  const names = new Map<number, string>();
  const taken = new Set<string>();
  for (const d of decisions) {
    // Two records imported from the same path of different folders: the later one gets its ref's name.
    const wanted = exportFileName(d);
    const name = taken.has(wanted.toLowerCase()) ? adrFileName(d) : wanted;
    taken.add(name.toLowerCase());
    names.set(d.ref, name);
  }
  // A link to a decision outside the export (another channel) still gets a stable file name.
  const fileNameOf = (ref: number) => names.get(ref) ?? adrFileName({ ref, title: `decision ${ref}` });
  return decisions.map((d) => {
    const name = names.get(d.ref)!;
    // A record written under another name than its document's links from where it now is.
    const decision =
      d.document && d.document.fileName !== name ? { ...d, document: { ...d.document, fileName: name } } : d;
    return { name, text: writeAdr(decision, format, fileNameOf) };
  });
}
