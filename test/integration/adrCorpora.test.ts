import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAdrs } from '../../src/app/adr/exportAdrs.js';
import { pickAdrFiles } from '../../src/domain/adr/adrFiles.js';
import type { AdrFormat } from '../../src/domain/adr/writeAdr.js';
import type { Workspace } from '../../src/domain/workspace.js';
import type { Database } from '../../src/storage/database.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { proseKept } from '../support/adrProse.js';
import { adrLedger } from '../support/adrLedger.js';
import { createTestDatabase } from '../support/testDatabase.js';

/**
 * The issue's numbers on every real folder in test/fixtures/adr-corpora, in both formats: at
 * least 95% of each folder's prose in the export; every file read or skipped with a reason;
 * import → export → import → export byte-identical; a re-import changes nothing; importing the
 * export into the same ledger adds nothing. The table printed at the end is what docs quote.
 */

const CORPORA = new URL('../fixtures/adr-corpora/', import.meta.url).pathname;
const FOLDERS = readdirSync(CORPORA, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const FORMATS: AdrFormat[] = ['madr', 'nygard'];

function folder(name: string) {
  const root = join(CORPORA, name);
  const paths = readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
  const markdown = paths.filter((p) => /\.md$/i.test(p));
  const pick = pickAdrFiles(paths, false);
  return {
    markdown,
    pick,
    files: pick.adrs.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') })),
  };
}

const rows: string[] = [];

describe('the real ADR folders, through import and export', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
    console.log(
      [
        'folder | format | files read | skipped (reason) | prose kept | round trip byte-identical | re-import unchanged',
        ...rows,
      ].join('\n'),
    );
  });
  const { services, run } = adrLedger(() => database);
  const exported = async (workspace: Workspace, format: AdrFormat) =>
    (await exportAdrs({ services: services(), workspace, channelId: null, format })).map((f) => ({
      path: f.name,
      text: f.text,
    }));
  const count = async (workspace: Workspace) =>
    Number(
      (
        rowsOf<{ n: number }>(
          await database.db.execute(
            sql`select count(*)::int as n from decisions where workspace_id = ${workspace.workspaceId}`,
          ),
        )[0] as { n: number }
      ).n,
    );

  for (const name of FOLDERS)
    for (const format of FORMATS)
      it(`keeps every word of ${name} in ${format}, and a round trip writes the same bytes`, async () => {
        const { markdown, pick, files } = folder(name);
        const key = `${name}_${format}`.replace(/[^a-z0-9]/gi, '_').toUpperCase();
        const ledger = { workspaceId: `T_${key}`, enterpriseId: null };
        const other = { workspaceId: `T_${key}_AGAIN`, enterpriseId: null };

        const first = await run(ledger, files);
        const readerSkips = first.warnings.filter((w) => w.includes(': skipped, '));
        // Every Markdown file is a record or is skipped with its reason.
        expect(first.imported + first.skipped + pick.skipped.length).toBe(markdown.length);
        expect(readerSkips).toHaveLength(first.skipped);

        const once = await exported(ledger, format);
        const byName = new Map(once.map((f) => [f.path, f.text]));
        let words = 0;
        let kept = 0;
        for (const file of files) {
          const out = byName.get(file.path);
          if (out === undefined) continue;
          const measured = proseKept(file.text, out);
          words += measured.words;
          kept += measured.kept;
        }
        expect(once).toHaveLength(first.imported);
        const share = words === 0 ? 1 : kept / words;

        await run(other, once);
        const twice = await exported(other, format);
        const identical = JSON.stringify(twice) === JSON.stringify(once);

        const again = await run(ledger, files);
        const intoSame = await run(ledger, once);
        rows.push(
          [
            name,
            format,
            `${first.imported}/${markdown.length}`,
            `${pick.skipped.length + first.skipped}${[...pick.skipped.map((s) => s.reason), ...readerSkips.map((w) => w.split(': skipped, ')[1])].map((r) => ` (${r})`).join('')}`,
            `${(share * 100).toFixed(1)}%`,
            identical ? 'yes' : 'no',
            again.unchanged === first.imported && again.imported + again.updated === 0 ? 'yes' : 'no',
          ].join(' | '),
        );
        expect(share).toBeGreaterThanOrEqual(0.95);
        expect(twice).toEqual(once);
        expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: first.imported });
        expect(intoSame.imported).toBe(0);
        expect(await count(ledger)).toBe(first.imported);
      });
});
