import { createHash } from 'node:crypto';
import { adrToDecision } from '../../domain/adr/adrToDecision.js';
import { type ImportedAdr, readAdr } from '../../domain/adr/readAdr.js';
import type { RecordLink } from '../../domain/adr/adrDocument.js';
import { resolveAdrLinks, resolveTypedLinks } from '../../domain/adr/readAdrLinks.js';
import { indexDecisions } from '../relitigation/indexDecisions.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

export interface ImportAdrsProps {
  services: Pick<Services, 'adrs' | 'relitigation' | 'detector'>;
  workspace: Workspace;
  /** The channel the records belong to: they are listed, searched and watched there. */
  channelId: string;
  channelPrivate: boolean;
  /** Markdown files, with paths relative to the folder imported. */
  files: { path: string; text: string }[];
  /** Who is recorded as having imported them. */
  actor: string;
  /** Told after each file is saved (or skipped), out of all of them: saving is the long part. */
  progress?: (done: number, total: number) => void;
}

export interface ImportSummary {
  imported: number;
  updated: number;
  /** Read before, with the same content: nothing to do. */
  unchanged: number;
  skipped: number;
  warnings: string[];
}

/**
 * Imports a folder of ADRs: each file becomes a decision (or updates the one a previous import
 * made from the same path), in the order of their numbers so refs follow the team's numbering, and
 * the supersession links between them become the log's two-way supersession.
 */
export async function importAdrs({
  services,
  workspace,
  channelId,
  channelPrivate,
  files,
  actor,
  progress = () => {},
}: ImportAdrsProps): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: 0, updated: 0, unchanged: 0, skipped: 0, warnings: [] };
  const read: { adr: ImportedAdr; hash: string }[] = [];
  for (const file of files) {
    const result = readAdr(file);
    if (!result.ok) {
      summary.skipped += 1;
      summary.warnings.push(`${file.path}: skipped, ${result.reason}`);
      continue;
    }
    summary.warnings.push(...result.warnings);
    read.push({ adr: result.adr, hash: createHash('sha256').update(file.text).digest('hex') });
  }
  read.sort(
    (a, b) =>
      (a.adr.number ?? Infinity) - (b.adr.number ?? Infinity) ||
      (a.adr.date ?? '').localeCompare(b.adr.date ?? '') ||
      a.adr.sourcePath.localeCompare(b.adr.sourcePath),
  );

  const ids = new Map<string, string>();
  const refs = new Map<string, number>();
  const changed = new Set<string>();
  const saved: Parameters<typeof indexDecisions>[2] = [];
  for (const { adr, hash } of read) {
    const { content, document, permalink, private: markedPrivate, warnings } = adrToDecision(adr);
    summary.warnings.push(...warnings);
    const record = await services.adrs.upsertImported({
      workspace,
      path: adr.sourcePath,
      hash,
      document,
      decision: {
        workspace,
        content,
        // A file an export marked private stays private, whatever channel it is imported into.
        source: {
          channelId,
          channelPrivate: channelPrivate || markedPrivate,
          messageTs: null,
          threadTs: null,
          permalink,
          participants: [],
        },
        createdBy: actor,
        origin: 'import',
        idempotencyKey: `import:${adr.sourcePath}`,
      },
    });
    ids.set(adr.sourcePath, record.id);
    refs.set(adr.sourcePath, record.ref);
    if (record.outcome !== 'unchanged') changed.add(adr.sourcePath);
    saved.push({ ...content, id: record.id });
    summary[record.outcome] += 1;
    progress(summary.skipped + saved.length, files.length);
  }
  // The model's index rows of the whole folder in one statement.
  await indexDecisions(services, workspace, saved);

  const links = resolveAdrLinks(read.map((r) => r.adr));
  summary.warnings.push(...links.warnings);
  for (const { older, newer } of links.supersessions) {
    const olderId = ids.get(older);
    const newerId = ids.get(newer);
    if (olderId && newerId) await services.adrs.linkSupersession(workspace, olderId, newerId);
  }

  // Amends, extends, clarifies, relates to: kept on both records, so an export writes them both ways.
  const typed = resolveTypedLinks(read.map((r) => r.adr));
  summary.warnings.push(...typed.warnings);
  const linksOf = new Map<string, RecordLink[]>();
  const add = (path: string, link: RecordLink): void => void linksOf.set(path, [...(linksOf.get(path) ?? []), link]);
  for (const { from, to, verb } of typed.pairs) {
    add(from, { verb, direction: 'forward', ref: refs.get(to)! });
    add(to, { verb, direction: verb === 'relates-to' ? 'forward' : 'reverse', ref: refs.get(from)! });
  }
  for (const [path, id] of ids)
    if (linksOf.has(path) || changed.has(path)) await services.adrs.setLinks(workspace, id, linksOf.get(path) ?? []);
  return summary;
}
