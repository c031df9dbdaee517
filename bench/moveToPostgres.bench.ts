/**
 * `npm run cli -- move-to-postgres` (issue 24): how long copying an embedded ledger to PostgreSQL
 * takes. Target: 10,000 decisions with their judgements and 100,000 cost events in under 60 s.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/moveToPostgres.bench.ts
 *
 * The ledger is an embedded database in a folder of its own on disk, as DATA_DIR is, bulk-loaded
 * with SQL (recording it through the app would take many minutes): 10,000 decisions, three
 * judgements and one history event each, and 100,000 cost events over 50 channels with their daily
 * sums. The target is a database created on BENCH_DATABASE_URL's server for the run and dropped
 * after. Times copyLedger, the move's whole work (checks, migrating the target, the copy, sequences,
 * comparing counts), as the command runs it. Without BENCH_DATABASE_URL it says so and does nothing.
 * BENCH_DECISIONS and BENCH_COST_EVENTS change the sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { copyLedger } from '../src/storage/copyLedger.js';
import { type Database, openDatabase } from '../src/storage/database.js';
import { createServerDatabase } from '../src/storage/scratchDatabase.js';
import { positiveFromEnv } from './lib/servers.js';

const DECISIONS = positiveFromEnv('BENCH_DECISIONS', 10_000, true);
const COST_EVENTS = positiveFromEnv('BENCH_COST_EVENTS', 100_000, true);
const JUDGEMENTS_PER_DECISION = 3;
const CHANNELS = 50;
const TARGET_MS = 60_000;
const SERVER = process.env.BENCH_DATABASE_URL;

async function seed(database: Database): Promise<void> {
  const { db } = database;
  await db.execute(sql`insert into workspaces (workspace_id, next_ref) values ('T0MOVE', ${DECISIONS + 1})`);
  // Texts of a few hundred characters, as recorded decisions have; the triggers count their words.
  await db.execute(sql`
    insert into decisions (workspace_id, ref, title, context, rationale, status, decided_on, channel_id, channel_private,
      created_by, origin, idempotency_key, tags, deciders)
    select 'T0MOVE', i, 'Decision ' || i || ' on service ' || (i % 97) || ' uses store ' || (i % 13),
      repeat('Context of the choice, with load figures and team constraints. ', 3),
      'Because service ' || (i % 97) || ' needs ' || (array['ordering', 'throughput', 'latency', 'cost'])[1 + i % 4] || '. ' ||
        repeat('We compared the options over two weeks of traffic. ', 3),
      (array['accepted', 'accepted', 'proposed', 'superseded'])[1 + i % 4], date '2026-01-01' + (i % 300),
      'C' || lpad((i % ${CHANNELS})::text, 4, '0'), false, 'U0ANA', 'command', 'bench:' || i,
      '["platform"]'::jsonb, '["U0ANA","U0BOB"]'::jsonb
    from generate_series(1, ${DECISIONS}) as i`);
  await db.execute(sql`
    insert into decision_events (workspace_id, decision_id, actor, action, detail)
    select workspace_id, id, created_by, 'created', '{}'::jsonb from decisions`);
  await db.execute(sql`
    insert into relitigation_judgements (workspace_id, channel_id, message_ts, thread_ts, author, decision_id, decision_ref,
      topic_score, stance_score, tier, outcome, mode, model_version)
    select d.workspace_id, d.channel_id, (1700000000 + d.ref * 10 + j) || '.000100', (1700000000 + d.ref * 10) || '.000100',
      'U0CAROL', d.id, d.ref, 0.1 + (d.ref % 9) / 10.0, 0.05 * j, (array['weak', 'warned', 'none'])[j], 'logged', 'lexical', 'v3'
    from decisions d, generate_series(1, ${JUDGEMENTS_PER_DECISION}) as j`);
  await db.execute(sql`
    insert into cost_events (workspace_id, channel_id, channel_private, kind, source, source_key, occurred_at, day, title,
      person_hours, wait_hours, money, build_hours, currency, inputs)
    select 'T0MOVE', 'C' || lpad((i % ${CHANNELS})::text, 4, '0'), false,
      (array['meeting', 'review_wait', 'relitigation'])[1 + i % 3], 'command', 'bench:' || i,
      timestamptz '2026-10-01 08:00:00+00' + ((i % 92) || ' days')::interval, date '2026-10-01' + i % 92, 'bench',
      0.5 + (i % 7) * 0.25, 0, (0.5 + (i % 7) * 0.25) * 100, (0.5 + (i % 7) * 0.25) * 1.2, 'EUR',
      '{"attendees": 4, "minutes": 30}'::jsonb
    from generate_series(1, ${COST_EVENTS}) as i`);
  await db.execute(sql`
    insert into cost_daily (workspace_id, channel_id, channel_private, kind, day, currency, events, person_hours, wait_hours, money, build_hours)
    select workspace_id, channel_id, bool_or(channel_private), kind, day, currency, count(*), sum(person_hours), sum(wait_hours), sum(money), sum(build_hours)
    from cost_events group by workspace_id, channel_id, kind, day, currency`);
}

if (!SERVER) {
  console.log('move-to-postgres bench: set BENCH_DATABASE_URL to a PostgreSQL server to run it; skipped.');
} else {
  const folder = mkdtempSync(join(tmpdir(), 'decision-ledger-move-bench-'));
  const source = await openDatabase({ kind: 'pglite', dataDir: join(folder, 'data') });
  const server = await createServerDatabase(SERVER, 'decision_ledger_move_bench');
  const target = await openDatabase({ kind: 'postgres', url: server.url });
  try {
    await source.migrate();
    const seeding = performance.now();
    await seed(source);
    console.log(
      `seeded ${DECISIONS} decisions (${DECISIONS * JUDGEMENTS_PER_DECISION} judgements) and ${COST_EVENTS} cost events in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    const started = performance.now();
    const result = await copyLedger({ source, target });
    const ms = performance.now() - started;
    if (result.status !== 'copied') throw new Error(`the move did not copy: ${JSON.stringify(result)}`);
    const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `PGlite → PostgreSQL: ${rows} rows of ${result.tables.length} tables moved in ${(ms / 1000).toFixed(1)} s ` +
        `(${Math.round(rows / (ms / 1000))} rows/s; ${result.tables
          .filter((t) => t.rows > 0)
          .map((t) => `${t.name} ${t.rows}`)
          .join(', ')})`,
    );
    console.log(`target: under ${TARGET_MS / 1000} s — ${ms < TARGET_MS ? 'met' : 'MISSED'}`);
  } finally {
    await target.close();
    await source.close();
    await server.drop();
    rmSync(folder, { recursive: true, force: true });
  }
}
