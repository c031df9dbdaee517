import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAdrs } from '../../src/app/adr/exportAdrs.js';
import { importAdrs } from '../../src/app/adr/importAdrs.js';
import { createAdrRepository } from '../../src/storage/adrRepository.js';
import type { Database } from '../../src/storage/database.js';
import { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { createRelitigationIndex } from '../../src/storage/relitigationIndex.js';
import { detector } from '../support/detector.js';
import { adrLedger } from '../support/adrLedger.js';
import { createTestDatabase } from '../support/testDatabase.js';

const CORPORA = new URL('../fixtures/adr-corpora/', import.meta.url).pathname;
const FOLDERS = ['madr-docs-decisions', 'log4brains-docs-adr', 'log4brains-edge-cases', 'govuk-aws-nygard'];

function folder(name: string) {
  return readdirSync(join(CORPORA, name))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((path) => ({ path, text: readFileSync(join(CORPORA, name, path), 'utf8') }));
}

describe('importing the ADR folders teams keep', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });
  const { services, run } = adrLedger(() => database);

  it.each(FOLDERS)('accounts for every file of %s, and a second import changes nothing', async (name) => {
    const workspace = { workspaceId: `T_${name.replace(/-/g, '_').toUpperCase()}`, enterpriseId: null };
    const files = folder(name);
    const first = await run(workspace, files);
    expect(first.imported + first.skipped).toBe(files.length);
    expect(first.imported).toBeGreaterThan(0);
    const again = await run(workspace, files);
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: first.imported, skipped: first.skipped });
    const [{ n }] = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from decisions where workspace_id = ${workspace.workspaceId}`,
      ),
    ) as [{ n: number }];
    expect(Number(n)).toBe(first.imported);
  });

  it('links GOV.UK supersession both ways, and lists imported decisions like any other', async () => {
    const workspace = { workspaceId: 'T_GOVUK_LINKS', enterpriseId: null };
    await run(workspace, folder('govuk-aws-nygard'));
    const decisions = createDecisionRepository(database.db);
    const byPath = async (path: string) =>
      rowsOf<{ ref: number; status: string; superseded_by_ref: number | null; supersedes_ref: number | null }>(
        await database.db.execute(
          sql`select ref, status, superseded_by_ref, supersedes_ref from decisions where workspace_id = ${workspace.workspaceId} and import_path = ${path}`,
        ),
      )[0]!;
    const dns = await byPath('0004-dns-definitions-for-hosts-and-services.md');
    const infra = await byPath('0015-dns-infrastructure.md');
    expect(dns.status).toBe('superseded');
    expect(dns.superseded_by_ref).toBe(infra.ref);
    expect(infra.supersedes_ref).toBe(dns.ref);
    const page = await decisions.list(
      workspace,
      { tag: null, status: null },
      { kind: 'channel', channelId: 'C0ARCH' },
      { offset: 0, limit: 5 },
    );
    expect(page.total).toBeGreaterThan(30);
    const found = await decisions.search(
      workspace,
      'terraform',
      { kind: 'channel', channelId: 'C0ARCH' },
      { offset: 0, limit: 5 },
    );
    expect(found.total).toBeGreaterThan(0);

    // "Amended by" in 0010 and "Amends" in 0017: one typed link, kept on both records and exported both ways.
    const directory = await byPath('0010-terraform-directory-structure.md');
    const structure = await byPath('0017-terraform-data-structure.md');
    const exportable = await createAdrRepository(database.db).exportable(workspace, null, false);
    const linksOf = (ref: number) => exportable.find((d) => d.ref === ref)!.document!.links;
    expect(linksOf(structure.ref)).toEqual([{ verb: 'amends', direction: 'forward', ref: directory.ref }]);
    expect(linksOf(directory.ref)).toEqual([{ verb: 'amends', direction: 'reverse', ref: structure.ref }]);
    const files = await exportAdrs({ services: services(), workspace, channelId: null, format: 'nygard' });
    const text = (name: string) => files.find((f) => f.name === name)!.text;
    expect(text('0017-terraform-data-structure.md')).toContain('Amends [');
    expect(text('0010-terraform-directory-structure.md')).toContain('Amended by [');
  });

  it('writes a link only one record wrote on both records, and imports the export without a new record', async () => {
    const workspace = { workspaceId: 'T_ONE_SIDED', enterpriseId: null };
    const files = [
      {
        path: '0001-use-x/index.md',
        text: '# 1. Use X\n\nDate: 2024-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nX is here.\n',
      },
      {
        path: '0002-use-y/index.md',
        text: '# 2. Use Y\n\nDate: 2024-02-03\n\n## Status\n\nAccepted\n\nRelates to [1. Use X](../0001-use-x/index.md)\n\nExtends [1. Use X](../0001-use-x/index.md)\n\n## Context\n\nY too.\n',
      },
    ];
    expect(await run(workspace, files)).toMatchObject({ imported: 2, warnings: [] });
    for (const format of ['madr', 'nygard'] as const) {
      const out = await exportAdrs({ services: services(), workspace, channelId: null, format });
      expect(out.map((f) => f.name)).toEqual(['0001-use-x/index.md', '0002-use-y/index.md']);
      const first = out[0]!.text;
      expect(first).toContain('Relates to [');
      expect(first).toContain('Extended by [');
      expect(first).toContain('](../0002-use-y/index.md)');
      expect(
        await run(
          workspace,
          out.map((f) => ({ path: f.name, text: f.text })),
        ),
      ).toMatchObject({ imported: 0 });
    }
  });

  it.each(['madr', 'nygard'] as const)(
    'keeps a private decision private through a %s export and an import into a public channel',
    async (format) => {
      const from = { workspaceId: `T_PRIVATE_${format.toUpperCase()}`, enterpriseId: null };
      const adr = (title: string) =>
        `---\nstatus: accepted\ndate: 2026-02-03\n---\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n`;
      const importInto = (channelPrivate: boolean, path: string, title: string) =>
        importAdrs({
          services: services(),
          workspace: from,
          channelId: channelPrivate ? 'G0HR' : 'C0OPEN',
          channelPrivate,
          files: [{ path, text: adr(title) }],
          actor: 'ADR import',
        });
      await importInto(false, '0001-open-roadmap.md', 'Open roadmap');
      await importInto(true, '0002-salary-bands.md', 'Salary bands stay confidential');
      const exported = (workspace: typeof from, includePrivate: boolean) =>
        exportAdrs({ services: services(), workspace, channelId: null, format, includePrivate });

      expect((await exported(from, false)).map((f) => f.name).join(' ')).not.toContain('salary');
      const full = await exported(from, true);
      expect(full).toHaveLength(2);
      expect(full.find((f) => f.name.includes('salary'))!.text).toContain('x-private: true');
      // Into a public channel elsewhere: the file's mark keeps it private, so a plain export leaves it out.
      const to = { workspaceId: `T_PRIVATE_BACK_${format.toUpperCase()}`, enterpriseId: null };
      await run(
        to,
        full.map((f) => ({ path: f.name, text: f.text })),
      );
      expect((await exported(to, false)).map((f) => f.name)).toEqual([
        full.find((f) => !f.name.includes('salary'))!.name,
      ]);
    },
  );

  it('round-trips through MADR export and import without losing a field the log keeps', async () => {
    const from = { workspaceId: 'T_ROUND_FROM', enterpriseId: null };
    const to = { workspaceId: 'T_ROUND_TO', enterpriseId: null };
    await run(from, folder('govuk-aws-nygard'));
    for (const format of ['madr', 'nygard'] as const) {
      const files = await exportAdrs({ services: services(), workspace: from, channelId: null, format });
      expect(files.length).toBeGreaterThan(30);
      if (format === 'nygard') continue;
      const back = await run(
        to,
        files.map((f) => ({ path: f.name, text: f.text })),
      );
      expect(back.skipped).toBe(0);
      const strip = (rows: Awaited<ReturnType<ReturnType<typeof createAdrRepository>['exportable']>>) =>
        rows.map(({ relitigationCount: _, id: _id, document: _document, ...rest }) => rest);
      expect(strip(await services().adrs.exportable(to, null, true))).toEqual(
        strip(await services().adrs.exportable(from, null, true)),
      );
    }
  });
});

describe('decisions recorded in Slack, through an export and back', () => {
  it('keep their deciders, dates, statuses, revisit dates, permalinks and supersession', async () => {
    const database = await createTestDatabase();
    try {
      const from = { workspaceId: 'T_SLACK_FROM', enterpriseId: null };
      const to = { workspaceId: 'T_SLACK_TO', enterpriseId: null };
      const decisions = createDecisionRepository(database.db);
      const source = {
        channelId: 'C0ARCH',
        channelPrivate: false,
        messageTs: null,
        threadTs: null,
        permalink: 'https://acme.slack.com/archives/C0ARCH/p1700000000000100',
        participants: [],
      };
      const content = (title: string, status: 'accepted' | 'reversed', extra: Partial<{ revisitOn: string }> = {}) => ({
        title,
        context: 'Refunds need multi-row transactions &amp; audits.',
        rationale: 'Because <@U0RAJ> said so: it is simpler.',
        consequences: 'We run one database.',
        alternatives: ['MongoDB', 'DynamoDB'],
        aliases: [],
        deciders: ['U0ANA', 'U0RAJ'],
        tags: ['orders', 'db'],
        status,
        decidedOn: '2026-03-02',
        revisitOn: extra.revisitOn ?? null,
      });
      await decisions.record({
        workspace: from,
        content: content('Orders stay on Postgres', 'accepted', { revisitOn: '2027-03-01' }),
        source,
        createdBy: 'U0ANA',
        origin: 'command',
        idempotencyKey: 'a',
      });
      await decisions.record({
        workspace: from,
        content: content('Feature flags in config files', 'reversed'),
        source,
        createdBy: 'U0ANA',
        origin: 'command',
        idempotencyKey: 'b',
      });
      await decisions.supersede({
        workspace: from,
        ref: 1,
        viewer: { kind: 'channel', channelId: 'C0ARCH' },
        content: content('Orders move to CockroachDB', 'accepted'),
        source,
        createdBy: 'U0ANA',
        origin: 'supersede',
        idempotencyKey: 'c',
      });
      const adrs = {
        adrs: createAdrRepository(database.db),
        relitigation: createRelitigationIndex(database.db),
        detector,
      };
      const files = await exportAdrs({ services: adrs, workspace: from, channelId: null, format: 'madr' });
      const back = await importAdrs({
        services: adrs,
        workspace: to,
        channelId: 'C0ARCH',
        channelPrivate: false,
        files: files.map((f) => ({ path: f.name, text: f.text })),
        actor: 'ADR import',
      });
      expect(back).toMatchObject({ imported: 3, skipped: 0 });
      const strip = (rows: Awaited<ReturnType<typeof adrs.adrs.exportable>>) =>
        rows.map(({ relitigationCount: _, id: _id, document: _document, ...rest }) => rest);
      expect(strip(await adrs.adrs.exportable(to, null, true))).toEqual(
        strip(await adrs.adrs.exportable(from, null, true)),
      );

      // Back into the ledger they came from, in either format: each file finds its record by x-id.
      for (const format of ['madr', 'nygard'] as const) {
        const exported = await exportAdrs({ services: adrs, workspace: from, channelId: null, format });
        const again = await importAdrs({
          services: adrs,
          workspace: from,
          channelId: 'C0ARCH',
          channelPrivate: false,
          files: exported.map((f) => ({ path: `${format}/${f.name}`, text: f.text })),
          actor: 'ADR import',
        });
        expect(again).toMatchObject({ imported: 0, skipped: 0 });
        expect(await adrs.adrs.exportable(from, null, true)).toHaveLength(3);
      }
      // And exporting what the ledger now holds writes the same files as before.
      const [before, after] = [
        files,
        await exportAdrs({ services: adrs, workspace: to, channelId: null, format: 'madr' }),
      ];
      expect(after.map((f) => f.text)).toEqual(before.map((f) => f.text));
    } finally {
      await database.close();
    }
  });
});
