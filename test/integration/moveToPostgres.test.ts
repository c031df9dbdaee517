import { EVERY_CHANNEL_PUBLIC } from '../../src/app/decisions/everyChannelPublic.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browseDecisions } from '../../src/app/decisions/browseDecisions.js';
import { reportCosts } from '../../src/app/costs/reportCosts.js';
import type { Workspace } from '../../src/domain/workspace.js';
import { createCostRepository } from '../../src/storage/costRepository.js';
import { createCostSettingsRepository } from '../../src/storage/costSettingsRepository.js';
import { copyLedger } from '../../src/storage/copyLedger.js';
import { type Database, openDatabase } from '../../src/storage/database.js';
import { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { createJudgementRepository } from '../../src/storage/judgementRepository.js';
import { ledgerTables } from '../../src/storage/ledgerTables.js';
import { createServerDatabase, type ServerDatabase } from '../../src/storage/scratchDatabase.js';
import { prng } from '../support/prng.js';
import { aNewDecision } from '../support/decisions.js';
import { CHANNEL, HOUR, writeLedger } from '../support/randomLedger.js';

/** The move's target is a PostgreSQL server: CI's PostgreSQL pass (TEST_DATABASE_URL). */
const SERVER = process.env.TEST_DATABASE_URL;

const NOW = new Date('2026-12-04T12:00:00Z');
const WORKSPACES: Workspace[] = [
  { workspaceId: 'T0MOVEA', enterpriseId: null },
  { workspaceId: 'T0MOVEB', enterpriseId: null },
];
async function tablesOf(database: Database): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await database.db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  );
  return rows.map((r) => r.name);
}

/**
 * Sums of doubles to 9 significant digits: PostgreSQL adds a quarter's rows in whatever order its
 * plan reads them, so 39.3 may come back as 39.300000000000004 from the same rows.
 */
function roundSums<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v) =>
    typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(9)) : v,
  );
}

describe('the tables a move copies', () => {
  it('are every table a migrated database has, each after the tables it refers to', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    try {
      await database.migrate();
      const copied = ledgerTables().map((t) => t.name);
      // A table a migration adds but schema.ts does not know would be left behind by the move.
      expect([...copied].sort()).toEqual(await tablesOf(database));
      expect(copied.indexOf('decisions')).toBeLessThan(copied.indexOf('decision_index'));
      expect(ledgerTables().find((t) => t.name === 'decisions')!.columns).not.toContain('search');
    } finally {
      await database.close();
    }
  });
});

describe.skipIf(!SERVER)('moving an embedded ledger to PostgreSQL', () => {
  let source: Database;
  let server: ServerDatabase;
  let target: Database;

  /** What the app answers for `/decide search …` and `/decide costs quarter`, in each workspace. */
  const answers = async (database: Database) => {
    const services = {
      decisions: createDecisionRepository(database.db),
      conversations: EVERY_CHANNEL_PUBLIC,
      costs: createCostRepository(database.db),
      costSettings: createCostSettingsRepository(database.db),
      now: () => NOW,
    };
    const out = [];
    for (const workspace of WORKSPACES) {
      for (const q of ['decision', 'imported', 'postgres']) {
        const page = await browseDecisions(services, workspace, CHANNEL, {
          query: { k: 'search', q },
          offset: 0,
          limit: 50,
        });
        out.push({ q, refs: page.items.map((d) => [d.ref, d.title, d.status]), total: page.total });
      }
      for (const scope of ['channel', 'workspace'] as const)
        out.push(await reportCosts({ services, workspace, channelId: CHANNEL, period: 'quarter', scope }));
    }
    return roundSums(out);
  };

  beforeAll(async () => {
    source = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await source.migrate();
    const db = source.db;
    const services = {
      decisions: createDecisionRepository(db),
      costs: createCostRepository(db),
      costSettings: createCostSettingsRepository(db),
      judgements: createJudgementRepository(db),
    };
    const random = prng(24);
    const quarterStart = new Date('2026-10-01T00:00:00Z').getTime();
    const instant = () => new Date(quarterStart + random() * (NOW.getTime() - quarterStart));
    const recent = () => new Date(NOW.getTime() - random() * 48 * HOUR);
    for (const workspace of WORKSPACES)
      await writeLedger({ random, workspace, zone: 'Europe/Berlin', instant, recent, services, db });
    await services.decisions.record(aNewDecision({ workspace: WORKSPACES[0], content: { title: 'Use PostgreSQL' } }));
    server = await createServerDatabase(SERVER!, 'dl_move');
    target = await openDatabase({ kind: 'postgres', url: server.url });
  });
  afterAll(async () => {
    await target?.close();
    await source?.close();
    await server?.drop();
  });

  it('copies every table, and the app on PostgreSQL answers searches and quarters as before', async () => {
    const before = await answers(source);
    expect(before.some((answer) => 'total' in answer && answer.total > 0)).toBe(true);
    const progress: number[] = [];
    const result = await copyLedger({ source, target, onProgress: (copied) => progress.push(copied) });
    expect(result.status).toBe('copied');
    if (result.status !== 'copied') return;
    const rows = Object.fromEntries(result.tables.map((t) => [t.name, t.rows]));
    expect(rows.decisions).toBeGreaterThan(5);
    expect(rows.cost_events).toBeGreaterThan(5);
    expect(rows.decision_terms).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(result.tables.reduce((sum, t) => sum + t.rows, 0));
    expect(await answers(target)).toEqual(before);

    // The sequences follow the copied ids, and refs carry on where the workspace left off.
    const decisions = createDecisionRepository(target.db);
    const { decision } = await decisions.record(aNewDecision({ workspace: WORKSPACES[0] }));
    const [{ max }] = rowsOf<{ max: number }>(
      await source.db.execute(sql`select max(ref)::int as max from decisions where workspace_id = 'T0MOVEA'`),
    ) as [{ max: number }];
    expect(decision.ref).toBe(max + 1);
    await createCostRepository(target.db).record({
      workspace: WORKSPACES[0]!,
      channelId: CHANNEL,
      channelPrivate: false,
      kind: 'meeting',
      source: 'command',
      sourceKey: 'after-the-move',
      occurredAt: NOW,
      day: '2026-12-04',
      title: 'after',
      decision: null,
      personHours: 1,
      waitHours: 0,
      money: 100,
      buildHours: 1,
      currency: 'EUR',
      inputs: {},
      createdBy: null,
    });
  });

  it('refuses a database that already holds rows, and leaves it as it was', async () => {
    const result = await copyLedger({ source, target });
    expect(result).toMatchObject({ status: 'target_not_empty' });
    if (result.status === 'target_not_empty') expect(result.tables).toContain('decisions');
  });

  it('refuses a database migrated by another version of the app', async () => {
    const other = await createServerDatabase(SERVER!, 'dl_move_other');
    const database = await openDatabase({ kind: 'postgres', url: other.url });
    try {
      await database.migrate();
      await database.db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('a-later-version', 9999999999999)`,
      );
      expect(await copyLedger({ source, target: database })).toMatchObject({ status: 'other_version' });
    } finally {
      await database.close();
      await other.drop();
    }
  });
});
