import { type AdrFormat, adrFileName, writeAdr } from '../../domain/adr/writeAdr.js';
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

/** The workspace's decisions as ADR files, one per decision, `NNNN-slug.md` by ref. */
export async function exportAdrs({
  services,
  workspace,
  channelId,
  format,
  includePrivate = false,
}: ExportAdrsProps): Promise<{ name: string; text: string }[]> {
  const decisions = await services.adrs.exportable(workspace, channelId, includePrivate);
  const names = new Map(decisions.map((d) => [d.ref, adrFileName(d)]));
  // A link to a decision outside the export (another channel) still gets a stable file name.
  const fileNameOf = (ref: number) => names.get(ref) ?? adrFileName({ ref, title: `decision ${ref}` });
  return decisions.map((d) => ({ name: names.get(d.ref)!, text: writeAdr(d, format, fileNameOf) }));
}
