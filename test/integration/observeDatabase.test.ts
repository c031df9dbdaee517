import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMetrics, type Metrics } from '../../src/metrics/metrics.js';
import { type Database, openDatabase } from '../../src/storage/database.js';
import { createTestDatabaseUrl } from '../support/testDatabase.js';

// A table of the test's own, so the statements counted are exactly the ones written here.
const probes = pgTable('metrics_probes', { id: integer('id').primaryKey(), note: text('note').notNull() });

/** Like createTestDatabase (PGlite, or a database of its own on TEST_DATABASE_URL), opened with metrics. */
async function openObservedDatabase(metrics: Metrics): Promise<{ database: Database; close(): Promise<void> }> {
  const server = await createTestDatabaseUrl();
  const database = await openDatabase(
    server.url ? { kind: 'postgres', url: server.url } : { kind: 'pglite', dataDir: 'memory://' },
    { metrics },
  );
  return {
    database,
    async close() {
      await database.close();
      await server.drop();
    },
  };
}

async function snapshot(metrics: Metrics) {
  const queries = (await metrics.dbQueries.get()).values;
  const seconds = (await metrics.dbQuerySeconds.get()).values;
  return {
    ok: queries.find((v) => v.labels.outcome === 'ok')?.value ?? 0,
    error: queries.find((v) => v.labels.outcome === 'error')?.value ?? 0,
    timed: seconds.find((v) => v.metricName === 'decision_ledger_db_query_seconds_count')?.value ?? 0,
    inFlight: (await metrics.dbQueriesInFlight.get()).values[0]?.value ?? 0,
  };
}

describe('database statements under metrics', () => {
  const metrics = createMetrics();
  let opened: Awaited<ReturnType<typeof openObservedDatabase>>;
  let database: Database;
  beforeAll(async () => {
    opened = await openObservedDatabase(metrics);
    database = opened.database;
    // The real migrations run through the observed client too (transactions included on PGlite).
    await database.migrate();
    await database.db.execute(sql`create table metrics_probes (id integer primary key, note text not null)`);
  });
  afterAll(async () => {
    await opened.close();
  });

  it('publishes how many connections the pool may open', async () => {
    expect((await metrics.dbPoolMaxConnections.get()).values[0]?.value).toBe(database.kind === 'postgres' ? 10 : 1);
  });

  it('counts and times each statement, returns its rows unchanged, and leaves nothing in flight', async () => {
    const before = await snapshot(metrics);

    await database.db.insert(probes).values({ id: 1, note: 'first' });
    const rows = await database.db.select().from(probes).where(eq(probes.id, 1));

    expect(rows).toEqual([{ id: 1, note: 'first' }]);
    const after = await snapshot(metrics);
    expect(after.ok - before.ok).toBe(2);
    expect(after.timed - before.timed).toBe(2);
    expect(after.inFlight).toBe(0);
  });

  it('passes a failing statement’s error through and counts it as an error', async () => {
    const before = await snapshot(metrics);

    await expect(database.db.execute(sql`select * from no_such_table`)).rejects.toMatchObject({
      cause: { code: '42P01' },
    });

    const after = await snapshot(metrics);
    expect(after.error - before.error).toBe(1);
    expect(after.inFlight).toBe(0);
  });

  it('commits a transaction, returns its value, and counts its statements but not BEGIN and COMMIT', async () => {
    const before = await snapshot(metrics);

    const value = await database.db.transaction(async (tx) => {
      await tx.insert(probes).values({ id: 10, note: 'a' });
      await tx.insert(probes).values({ id: 11, note: 'b' });
      return 'committed';
    });

    const after = await snapshot(metrics);
    expect(value).toBe('committed');
    expect(after.ok - before.ok).toBe(2);
    expect(await database.db.select({ id: probes.id }).from(probes).where(sql`${probes.id} in (10, 11)`)).toHaveLength(
      2,
    );
  });

  it('rolls a failed transaction back and rethrows the very error its callback threw', async () => {
    const changedMind = new Error('changed my mind');

    const failed = database.db.transaction(async (tx) => {
      await tx.insert(probes).values({ id: 20, note: 'never' });
      throw changedMind;
    });

    await expect(failed).rejects.toBe(changedMind);
    expect(await database.db.select().from(probes).where(eq(probes.id, 20))).toEqual([]);
    expect((await snapshot(metrics)).inFlight).toBe(0);
  });

  it('rolls back a nested transaction alone, keeping the outer one’s work', async () => {
    await database.db.transaction(async (tx) => {
      await tx.insert(probes).values({ id: 30, note: 'kept' });
      await tx
        .transaction(async (nested) => {
          await nested.insert(probes).values({ id: 31, note: 'undone' });
          throw new Error('undo the inner part');
        })
        .catch(() => {});
    });

    const ids = await database.db.select({ id: probes.id }).from(probes).where(sql`${probes.id} in (30, 31)`);
    expect(ids).toEqual([{ id: 30 }]);
  });

  it('shows a statement as in flight while it waits', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let lockTaken!: () => void;
    const locked = new Promise<void>((resolve) => (lockTaken = resolve));
    const holder = database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(4242)`);
      lockTaken();
      await held;
    });
    await locked;

    // PostgreSQL: waits for the lock. PGlite: waits for its one backend, busy with the transaction.
    const waiter = database.db.execute(sql`select pg_advisory_xact_lock(4242)`).then(() => 'done');

    await vi.waitFor(async () => expect((await snapshot(metrics)).inFlight).toBe(1));
    release();
    await holder;
    expect(await waiter).toBe('done');
    expect((await snapshot(metrics)).inFlight).toBe(0);
  });
});
