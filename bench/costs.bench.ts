/**
 * Summing a quarter of coordination costs (issue 4): a 50-channel workspace with 100,000 cost
 * events, all inside the quarter being summed (the worst case), on the embedded database.
 * Target: p99 under 50 ms.
 *
 *   node --import tsx bench/costs.bench.ts
 *
 * The events are bulk-loaded with SQL (recording 100,000 one by one through the app would take
 * minutes), and cost_daily is built from them with the same sums the repository keeps; the bench
 * checks the two agree before timing anything. Then it times, after a warm-up:
 * - the workspace's quarter across its public channels (CostRepository.totals), and
 * - `/decide costs quarter` for one channel as the command runs it (reportCosts: settings, this
 *   quarter's and last quarter's totals, and the decisions argued again).
 * A few hundred costs are also recorded through the repository, for the price of a write.
 *
 * Environment: BENCH_DATABASE_URL=postgres://… runs the same on that server too; BENCH_COST_EVENTS
 * (default 100000).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Workspace } from '../src/domain/workspace.js';
import { reportCosts } from '../src/app/costs/reportCosts.js';
import type { Services } from '../src/app/services.js';
import type { Database } from '../src/storage/database.js';
import { onEachDatabase, percentile } from './lib/scratchRuns.js';
import { createCostRepository } from '../src/storage/costRepository.js';
import { createCostSettingsRepository } from '../src/storage/costSettingsRepository.js';
import { rowsOf } from '../src/storage/insertDecisions.js';
import { positiveFromEnv } from './lib/servers.js';

const EVENTS = positiveFromEnv('BENCH_COST_EVENTS', 100_000, true);
const CHANNELS = 50;
const RUNS = 300;
const WARMUP = 50;
const WRITES = 300;
const TARGET_P99_MS = 50;
// Q4 2026 in UTC, as the days are seeded.
const QUARTER = [new Date('2026-10-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')];
const WORKSPACE: Workspace = { workspaceId: 'T0COSTS', enterpriseId: null };
// The last day of Q4 2026: the quarter holds all its 92 days of events (the largest sum).
const NOW = new Date('2026-12-31T12:00:00Z');

async function seed(database: Database): Promise<void> {
  // Spread over the quarter's 92 days, the three kinds and 50 channels (5 of them private);
  // one relitigation in three names one of 200 decisions.
  await database.db.execute(sql`
    insert into cost_events (workspace_id, channel_id, channel_private, kind, source, source_key, occurred_at, day, title,
      decision_id, decision_ref, person_hours, wait_hours, money, build_hours, currency, inputs)
    select ${WORKSPACE.workspaceId}, 'C' || lpad((i % ${CHANNELS})::text, 4, '0'), (i % ${CHANNELS}) < 5,
      (array['meeting', 'review_wait', 'relitigation'])[1 + (i / ${CHANNELS}) % 3], 'command', 'bench:' || i,
      timestamptz '2026-10-01 08:00:00+00' + (((i / ${3 * CHANNELS}) % 92) || ' days')::interval, (date '2026-10-01' + (i / ${3 * CHANNELS}) % 92), 'bench',
      case when (i / ${CHANNELS}) % 3 = 2 then ('00000000-0000-4000-8000-' || lpad((i % 200)::text, 12, '0'))::uuid end,
      case when (i / ${CHANNELS}) % 3 = 2 then 1 + i % 200 end,
      0.5 + (i % 7) * 0.25, case when (i / ${CHANNELS}) % 3 = 1 then 1 + i % 9 else 0 end, (0.5 + (i % 7) * 0.25) * 100, (0.5 + (i % 7) * 0.25) * 1.2, 'EUR', '{}'::jsonb
    from generate_series(1, ${EVENTS}) as i`);
  await database.db.execute(sql`
    insert into cost_daily (workspace_id, channel_id, channel_private, kind, day, currency, events, person_hours, wait_hours, money, build_hours)
    select workspace_id, channel_id, bool_or(channel_private), kind, day, currency, count(*), sum(person_hours), sum(wait_hours), sum(money), sum(build_hours)
    from cost_events group by workspace_id, channel_id, kind, day, currency`);
  await database.db.execute(sql`vacuum analyze cost_events`);
  await database.db.execute(sql`vacuum analyze cost_daily`);
}

async function run(label: string, database: Database): Promise<boolean> {
  const started = performance.now();
  await seed(database);
  const [{ rows }] = rowsOf<{ rows: number }>(
    await database.db.execute(sql`select count(*)::int as rows from cost_daily`),
  ) as [{ rows: number }];
  console.log(
    `${label}: loaded ${EVENTS} cost events (${rows} daily sums) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const costs = createCostRepository(database.db);
  const services = {
    costs,
    costSettings: createCostSettingsRepository(database.db),
    now: () => NOW,
  } as unknown as Pick<Services, 'costs' | 'costSettings' | 'now'>;
  const [check] = rowsOf<{ events: number; money: number }>(
    await database.db.execute(
      sql`select count(*)::int as events, sum(money)::float8 as money from cost_events where not channel_private`,
    ),
  );
  const all = await costs.totals(WORKSPACE, { kind: 'public_channels' }, QUARTER, 'UTC').then(([t]) => t!);
  const summed = all.reduce((s, t) => ({ events: s.events + t.events, money: s.money + t.money }), {
    events: 0,
    money: 0,
  });
  if (summed.events !== check!.events || Math.abs(summed.money - check!.money) > 1e-6 * check!.money) {
    console.error(
      `${label}: daily sums disagree with the events: ${JSON.stringify(summed)} vs ${JSON.stringify(check)}`,
    );
    return false;
  }

  const workspaceQuarter = await time(() =>
    costs.totals(WORKSPACE, { kind: 'public_channels' }, QUARTER, 'UTC').then(([t]) => t!),
  );
  const channelQuarter = await time(() =>
    reportCosts({ services, workspace: WORKSPACE, channelId: 'C0007', period: 'quarter', scope: 'channel' }),
  );
  let n = 0;
  const writes = await time(
    () =>
      costs.record({
        workspace: WORKSPACE,
        channelId: 'C0009',
        channelPrivate: false,
        kind: 'meeting',
        source: 'command',
        sourceKey: `bench-write:${n++}`,
        occurredAt: NOW,
        day: '2026-12-31',
        title: 'bench',
        decision: null,
        personHours: 1,
        waitHours: 0,
        money: 100,
        buildHours: 1.2,
        currency: 'EUR',
        inputs: {},
        createdBy: null,
      }),
    WRITES,
    0,
  );
  const met = workspaceQuarter.p99 < TARGET_P99_MS && channelQuarter.p99 < TARGET_P99_MS;
  console.log(
    `${label}: workspace quarter, public channels: p50 ${workspaceQuarter.p50.toFixed(2)} ms, p99 ${workspaceQuarter.p99.toFixed(2)} ms`,
  );
  console.log(
    `${label}: /decide costs quarter for one channel (reportCosts): p50 ${channelQuarter.p50.toFixed(2)} ms, p99 ${channelQuarter.p99.toFixed(2)} ms`,
  );
  console.log(
    `${label}: recording one cost (event + daily sum, one statement): p50 ${writes.p50.toFixed(2)} ms, p99 ${writes.p99.toFixed(2)} ms`,
  );
  console.log(`${label}: target p99 < ${TARGET_P99_MS} ms for summing a quarter: ${met ? 'met' : 'NOT met'}`);
  return met;
}

async function time(
  operation: () => Promise<unknown>,
  runs = RUNS,
  warmup = WARMUP,
): Promise<{ p50: number; p99: number }> {
  const timings: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    await operation();
    if (i >= warmup) timings.push(performance.now() - started);
  }
  return { p50: percentile(timings, 0.5), p99: percentile(timings, 0.99) };
}

const results = await onEachDatabase(run);
console.log(results.every(Boolean) ? 'costs bench: all targets met' : 'costs bench: target missed');
