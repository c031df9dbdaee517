import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Config, PoolSettings } from '../config.js';
import { withDeadline } from '../deadline.js';
import type { Metrics } from '../metrics/metrics.js';
import { observePostgres } from '../metrics/observeDatabase.js';
import { lockDataFolder } from './embedded/dataFolderLock.js';
import { startEmbeddedPostgres } from './embedded/embeddedPostgres.js';
import { interceptSql, type SqlInterceptor } from './interceptSql.js';
import * as schema from './schema.js';

/** Both drivers share drizzle's PostgreSQL dialect; repositories see only this type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Resolves when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<void>;
  /** Applies the SQL migrations in drizzle/ that this database has not seen yet. */
  migrate(): Promise<void>;
  /**
   * PGlite, which has no autovacuum: does its work. Analyses the tables relitigation retrieval
   * plans with when they have grown or shrunk much since they were last analysed, then vacuums the
   * database, so the space of updated and deleted rows is used again rather than the files only
   * growing. On PostgreSQL autovacuum does both: there, a no-op.
   */
  autovacuum(): Promise<Autovacuumed>;
  /**
   * The embedded database only: its data folder as a gzipped tarball, taken between transactions
   * while the app runs on (docs/operations.md § Backups). PostgreSQL has pg_dump.
   */
  backup?(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface Autovacuumed {
  /** The tables whose planner statistics were refreshed. */
  analysed: string[];
  vacuumed: boolean;
}

// Resolved from this file so it works from src/ (tsx, vitest) and from dist/ (npm start) alike.
const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Replicas starting together must not run the same migration twice.
export const MIGRATION_LOCK_KEY = 7_310_431_881;

/** For callers that name none (tests, benches); the app's come from its configuration. */
const POOL_DEFAULTS: PoolSettings = { max: 10, idleTimeoutS: 60, statementTimeoutMs: 0 };
const MIGRATION_LOCK_TIMEOUT_MS = 120_000;
/** PostgreSQL's lock_not_available: lock_timeout ran out. */
const LOCK_NOT_AVAILABLE = '55P03';

/** Another replica held the migration lock for longer than start-up waits. */
export class MigrationLockTimeoutError extends Error {
  constructor(waitedMs: number) {
    super(
      `Another process has been migrating this database for over ${Math.round(waitedMs / 1000)} s (it holds the migration lock). ` +
        'If no other replica is starting, a stuck session holds it: find it in pg_locks (locktype advisory) and end it, ' +
        'or raise MIGRATION_LOCK_TIMEOUT_MS for a migration known to be long.',
    );
    this.name = 'MigrationLockTimeoutError';
  }
}

/**
 * How long postgres.js waits before reconnecting after the n-th failed attempt in a row. Its
 * default grows to 20 s (3^n / 100), so after a 2-second restart, every query waited up to 20 s
 * for a pool that had long given up trying; this keeps retrying every second at most.
 */
function reconnectDelaySeconds(failures: number): number {
  return Math.min(0.05 * 2 ** failures, 1);
}

export interface OpenDatabaseOptions {
  /** When given, every statement is counted and timed, and the pool size is published. */
  metrics?: Metrics;
}

export async function openDatabase(config: Config['database'], options: OpenDatabaseOptions = {}): Promise<Database> {
  return config.kind === 'postgres'
    ? openPostgres(
        config.url,
        config.migrationUrl ?? config.url,
        config.pool ?? POOL_DEFAULTS,
        config.migrationLockTimeoutMs ?? MIGRATION_LOCK_TIMEOUT_MS,
        options.metrics,
      )
    : openPglite(config.dataDir, options.metrics);
}

/**
 * Drizzle asks postgres.js not to prepare its statements, so each one with parameters costs two
 * round trips (Parse and Describe, then Bind and Execute) and is parsed and planned again every
 * time; and postgres.js sends nothing else on the connection until the first answer is back. The
 * app's statements are prepared instead: parsed once per connection, then one round trip each, sent
 * together. Judging is faster and steadier and the app works through more messages on both
 * databases (bench/judge.bench.ts, bench/messages.bench.ts). postgres.js keeps one statement per
 * distinct SQL text per connection, and drizzle's texts are bounded by the code's query shapes
 * (multi-row inserts by their batch sizes). Behind a transaction-mode pooler this needs one that
 * keeps prepared statements (PgBouncer 1.21+ with max_prepared_statements; docs/scaling.md §3).
 * Statements sent together need postgres.js 3.4.10: before, one it could not build (an undefined
 * parameter) stayed unanswered in line and hung the connection (porsager/postgres#1082;
 * test/integration/statementPipeline.test.ts).
 */
const PREPARED_STATEMENTS: SqlInterceptor = {
  unsafeArguments: ([query, parameters, options]) => [
    query,
    parameters,
    { ...(options as object | undefined), prepare: true },
  ],
};

/** Drizzle over a postgres.js client, for either database: prepared statements, and metrics when given. */
function drizzleOver(client: postgres.Sql, metrics: Metrics | undefined): Db {
  const prepared = interceptSql(client, PREPARED_STATEMENTS);
  return drizzlePostgres(metrics ? observePostgres(prepared, metrics) : prepared, { schema }) as unknown as Db;
}

/**
 * PGlite as an embedded server on a worker thread (embedded/embeddedPostgres.ts), reached through
 * postgres.js like any PostgreSQL: one driver for both databases, and PGlite's work off the event
 * loop that answers Slack. One connection, as PGlite is one backend; statements queue in postgres.js.
 */
async function openPglite(dataDir: string, metrics: Metrics | undefined): Promise<Database> {
  // A DATA_DIR whose parents do not exist yet is made, as a first run on a fresh volume expects.
  const onDisk = !dataDir.includes('://');
  if (onDisk) await mkdir(dataDir, { recursive: true });
  // Before PGlite opens the folder: a second opener must be refused before it touches anything.
  const lock = onDisk ? lockDataFolder(dataDir) : null;
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  try {
    server = await startEmbeddedPostgres({ dataDir });
  } catch (error) {
    lock?.release();
    throw error;
  }
  // No idle or lifetime limit: PGlite's one backend serves this one connection for as long as it runs.
  const client = postgres({
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    onnotice: () => {},
    backoff: reconnectDelaySeconds,
    // postgres.js documents this option ("Custom socket") but its type definitions lack it.
    ...({ socket: () => server.connect() } as object),
  });
  // One embedded backend: statements run one at a time.
  metrics?.dbPoolMaxConnections.set(1);
  const db = drizzleOver(client, metrics);
  /** Rows of each watched table when this process last analysed it (see refreshPgliteStatistics). */
  const rowsAtAnalyse = new Map<string, number>();
  let closed = false;
  return {
    db,
    kind: 'pglite',
    ping: (timeoutMs = 1000) =>
      withDeadline(
        client`select 1`.then(() => undefined),
        timeoutMs,
        'the database did not answer',
      ),
    migrate: async () => {
      // Only this process opens the data directory: no other replica to lock out.
      await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER });
      // PGlite has no autovacuum, so the planner would never get statistics: without them it can
      // prefer scans over the GIN indexes the relitigation watcher relies on. A new ledger has
      // nothing to measure yet (its tables are analysed as they grow: refreshPgliteStatistics).
      const [ledger] = await client<{ holds: boolean }[]>`select exists (select from decisions) as holds`;
      if (ledger!.holds) await client`analyze`;
    },
    autovacuum: async () => {
      // Statistics first: VACUUM resets the row estimate the statistics are compared against.
      const analysed = await refreshPgliteStatistics(client, rowsAtAnalyse);
      await client`vacuum`;
      return { analysed, vacuumed: true };
    },
    backup: () => server.dump(),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.end({ timeout: 5 });
      await server.close();
      lock?.release();
    },
  };
}

/**
 * The tables the relitigation watcher's cached plan (relitigation_candidates) reads, with how many
 * rows they may gain or lose before their statistics are refreshed: autovacuum's own rule (50 rows
 * and a tenth of the table).
 */
const WATCHED_TABLES = ['decisions', 'decision_terms'] as const;
const ANALYZE_THRESHOLD = { rows: 50, fraction: 0.1 };

/**
 * PGlite has no autovacuum, and its activity counters (pg_stat_user_tables) stay at zero, so the
 * planner's statistics are those of the last ANALYZE — at start-up — however the ledger has grown
 * since. Counting the rows is cheap next to analysing, and the analyse happens only when due;
 * ANALYZE also invalidates the cached plans that read the table, so they are made again. What a
 * table held at its last analyse is remembered in `rowsAtAnalyse`; until this process has analysed
 * it, the row estimate the start-up analyse left is the reference (a vacuum resets that estimate,
 * so it is read before the first one).
 */
async function refreshPgliteStatistics(client: postgres.Sql, rowsAtAnalyse: Map<string, number>): Promise<string[]> {
  const analysed: string[] = [];
  for (const table of WATCHED_TABLES) {
    const [row] = await client.unsafe<{ estimated: number; counted: number }[]>(
      `select greatest(c.reltuples, 0)::float8 as estimated, (select count(*) from ${table})::float8 as counted
       from pg_class c where c.oid = '${table}'::regclass`,
    );
    const counted = row!.counted;
    const before = rowsAtAnalyse.get(table) ?? row!.estimated;
    rowsAtAnalyse.set(table, before);
    if (Math.abs(counted - before) > ANALYZE_THRESHOLD.rows + ANALYZE_THRESHOLD.fraction * before) {
      await client.unsafe(`analyze ${table}`);
      rowsAtAnalyse.set(table, counted);
      analysed.push(table);
    }
  }
  return analysed;
}

async function openPostgres(
  url: string,
  migrationUrl: string,
  pool: PoolSettings,
  migrationLockTimeoutMs: number,
  metrics: Metrics | undefined,
): Promise<Database> {
  const client = postgres(url, {
    max: pool.max,
    idle_timeout: pool.idleTimeoutS,
    onnotice: () => {},
    connect_timeout: 5,
    backoff: reconnectDelaySeconds,
    ...(pool.statementTimeoutMs > 0 ? { connection: { statement_timeout: pool.statementTimeoutMs } } : {}),
  });
  metrics?.dbPoolMaxConnections.set(pool.max);
  const db = drizzleOver(client, metrics);
  return {
    db,
    kind: 'postgres',
    ping: (timeoutMs = 1000) =>
      withDeadline(
        db.execute(sql`select 1`).then(() => undefined),
        timeoutMs,
        'the database did not answer',
      ),
    migrate: async () => {
      // The migrator needs a connection of its own (max: 1) so the advisory lock and the DDL share a
      // session: through a transaction-mode pooler they need not, hence DATABASE_MIGRATION_URL.
      const migrationClient = postgres(migrationUrl, { max: 1, onnotice: () => {} });
      try {
        // lock_timeout bounds the wait for the lock (and the migrations' own table locks after it).
        await migrationClient.unsafe(`set lock_timeout = ${Math.round(migrationLockTimeoutMs)}`);
        await migrationClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.catch((error: unknown) => {
          throw (error as { code?: string }).code === LOCK_NOT_AVAILABLE
            ? new MigrationLockTimeoutError(migrationLockTimeoutMs)
            : error;
        });
        await migratePostgres(drizzlePostgres(migrationClient), { migrationsFolder: MIGRATIONS_FOLDER });
        await migrationClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await migrationClient.end({ timeout: 5 });
      }
    },
    // Autovacuum's own business on a server.
    autovacuum: async () => ({ analysed: [], vacuumed: false }),
    close: () => client.end({ timeout: 5 }),
  };
}
