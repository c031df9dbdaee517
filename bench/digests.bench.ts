/**
 * Building Reflection digests (issue 5): one workspace of 1,000 channels, each with a week of
 * decisions, revisits, relitigation judgements and coordination costs. Target: the digests of all
 * 1,000 channels built in under 30 s on this machine, embedded database.
 *
 *   node --import tsx bench/digests.bench.ts
 *
 * "Built" is what the digest job does before posting: compose (the channel's facts, this period's
 * and the seven before's costs) and render Block Kit, four channels at a time as the job does. The
 * cost chart is timed separately over a sample: it is rendered only for digests that are posted.
 * Environment: BENCH_DATABASE_URL as for the other benches; BENCH_CHANNELS (default 1000).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { composeDigest } from '../src/app/digests/composeDigest.js';
import type { NewDecision } from '../src/app/decisions/ports.js';
import { digestPeriodOf } from '../src/domain/digest/schedule.js';
import type { Workspace } from '../src/domain/workspace.js';
import { renderCostChart } from '../src/charts/costChart.js';
import { digestBlocks } from '../src/slack/blocks/digest.js';
import type { Database } from '../src/storage/database.js';
import { createCostRepository } from '../src/storage/costRepository.js';
import { createCostSettingsRepository } from '../src/storage/costSettingsRepository.js';
import { createDigestFactsRepository } from '../src/storage/digestFactsRepository.js';
import { insertWorkspaceDecisions } from '../src/storage/insertDecisions.js';
import { onEachDatabase, percentile } from './lib/scratchRuns.js';
import { positiveFromEnv } from './lib/servers.js';

const CHANNELS = positiveFromEnv('BENCH_CHANNELS', 1000, true);
const DECISIONS_PER_CHANNEL = 12;
const COST_EVENTS = 100_000;
const PARALLEL = 4;
const CHART_SAMPLE = 40;
const TARGET_SECONDS = 30;
const WORKSPACE: Workspace = { workspaceId: 'T0DIGEST', enterpriseId: null };
// The week to Friday 27 November 2026, 16:00 UTC, and the seven before it (for the trend and chart):
// every edge cuts a day, so each digest reads the events of nine days besides the daily sums.
const PERIOD = digestPeriodOf(
  { cadence: 'weekly', weekday: 5, dayOfMonth: null, time: '16:00', timeZone: 'UTC' },
  new Date('2026-11-27T16:00:00Z'),
  'UTC',
);
const channel = (i: number) => `C${String(i).padStart(6, '0')}`;

async function seed(database: Database): Promise<void> {
  const inputs: NewDecision[] = [];
  for (let c = 0; c < CHANNELS; c++) {
    for (let k = 0; k < DECISIONS_PER_CHANNEL; k++) {
      inputs.push({
        workspace: WORKSPACE,
        content: {
          title: `Service ${c} uses option ${k} for its queue`,
          context: '',
          rationale: `Option ${k} is cheaper to run and the team knows it.`,
          consequences: '',
          alternatives: [`option ${k + 1}`],
          aliases: [],
          deciders: ['U0ANA', 'U0RAJ'],
          tags: ['infra'],
          status: 'accepted',
          decidedOn: '2026-11-24',
          revisitOn: k % 4 === 0 ? '2026-11-25' : null,
        },
        source: {
          channelId: channel(c),
          channelPrivate: false,
          messageTs: null,
          threadTs: null,
          permalink: null,
          participants: [],
        },
        createdBy: 'U0ANA',
        origin: 'command',
        idempotencyKey: `bench:${c}:${k}`,
      });
    }
  }
  for (let i = 0; i < inputs.length; i += 500)
    await database.db.transaction((tx) => insertWorkspaceDecisions(tx, inputs.slice(i, i + 500)));
  // Half of each channel's decisions were recorded this week; relitigation judgements on the rest.
  await database.db.execute(
    sql`update decisions set created_at = timestamptz '2026-11-24 10:00+00' + (ref % 48) * interval '1 hour' where workspace_id = ${WORKSPACE.workspaceId} and ref % 2 = 0`,
  );
  await database.db.execute(
    sql`update decisions set created_at = timestamptz '2026-10-01 10:00+00' where workspace_id = ${WORKSPACE.workspaceId} and ref % 2 = 1`,
  );
  await database.db.execute(sql`
    insert into relitigation_judgements (workspace_id, channel_id, message_ts, thread_ts, author, decision_id, decision_ref, topic_score, stance_score, tier, outcome, mode, feedback, created_at)
    select d.workspace_id, d.channel_id, (1795000000 + d.ref)::text || '.000100', (1795000000 + d.ref)::text || '.000100', 'U0RAJ', d.id, d.ref, 0.8, 0.7,
      'strong', 'warned', 'offline', case when d.ref % 3 = 0 then 'dismissed' when d.ref % 3 = 1 then 'reopened' end, timestamptz '2026-11-25 12:00+00'
    from decisions d where d.workspace_id = ${WORKSPACE.workspaceId} and d.ref % 2 = 1`);
  await database.db.execute(sql`
    insert into cost_events (workspace_id, channel_id, channel_private, kind, source, source_key, occurred_at, day, title, person_hours, wait_hours, money, build_hours, currency, inputs)
    select ${WORKSPACE.workspaceId}, 'C' || lpad((i % ${CHANNELS})::text, 6, '0'), false, (array['meeting', 'review_wait', 'relitigation'])[1 + (i / ${CHANNELS}) % 3],
      'command', 'bench:' || i, timestamptz '2026-10-03 09:00+00' + ((i / ${3 * CHANNELS}) % 56) * interval '1 day', date '2026-10-03' + (i / ${3 * CHANNELS}) % 56,
      'bench', 1.5, case when (i / ${CHANNELS}) % 3 = 1 then 4 else 0 end, 150, 1.8, 'EUR', '{}'::jsonb
    from generate_series(1, ${COST_EVENTS}) as i`);
  await database.db.execute(sql`
    insert into cost_daily (workspace_id, channel_id, channel_private, kind, day, currency, events, person_hours, wait_hours, money, build_hours)
    select workspace_id, channel_id, false, kind, day, currency, count(*), sum(person_hours), sum(wait_hours), sum(money), sum(build_hours)
    from cost_events group by workspace_id, channel_id, kind, day, currency`);
  for (const table of ['decisions', 'relitigation_judgements', 'cost_events', 'cost_daily'])
    await database.db.execute(sql.raw(`vacuum analyze ${table}`));
}

async function run(label: string, database: Database): Promise<boolean> {
  const seeded = performance.now();
  await seed(database);
  console.log(
    `${label}: seeded ${CHANNELS} channels (${CHANNELS * DECISIONS_PER_CHANNEL} decisions, ${COST_EVENTS} cost events) in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  );
  const services = {
    digestFacts: createDigestFactsRepository(database.db),
    costs: createCostRepository(database.db),
    costSettings: createCostSettingsRepository(database.db),
  };
  const build = async (c: number) => {
    const started = performance.now();
    const composed = await composeDigest({ services, workspace: WORKSPACE, channelId: channel(c), period: PERIOD });
    const blocks = digestBlocks(composed.digest, { settings: composed.settings });
    if (blocks.length === 0 || blocks.length > 50) throw new Error(`channel ${c}: ${blocks.length} blocks`);
    return { ms: performance.now() - started, composed };
  };
  await build(0); // warm-up
  const timings: number[] = [];
  const started = performance.now();
  let sample = null;
  for (let c = 0; c < CHANNELS; c += PARALLEL) {
    const batch = await Promise.all(Array.from({ length: Math.min(PARALLEL, CHANNELS - c) }, (_, k) => build(c + k)));
    for (const b of batch) timings.push(b.ms);
    sample ??= batch[0]!.composed;
  }
  const seconds = (performance.now() - started) / 1000;
  const charts: number[] = [];
  for (let i = 0; i < CHART_SAMPLE; i++) {
    const t = performance.now();
    await renderCostChart({ periods: sample!.chart, unit: 'hours', title: 'Coordination cost by kind (hours)' });
    if (i > 0) charts.push(performance.now() - t);
  }
  const met = seconds < TARGET_SECONDS;
  console.log(
    `${label}: built ${CHANNELS} digests in ${seconds.toFixed(1)} s (${PARALLEL} at a time; one digest p50 ${percentile(timings, 0.5).toFixed(1)} ms, p99 ${percentile(timings, 0.99).toFixed(1)} ms) — target under ${TARGET_SECONDS} s: ${met ? 'met' : 'NOT met'}`,
  );
  console.log(
    `${label}: the cost chart renders in p50 ${percentile(charts, 0.5).toFixed(1)} ms, p99 ${percentile(charts, 0.99).toFixed(1)} ms (${CHANNELS} charts ≈ ${((percentile(charts, 0.5) * CHANNELS) / 1000).toFixed(0)} s more)`,
  );
  return met;
}

const results = await onEachDatabase(run);
console.log(results.every(Boolean) ? 'digests bench: all targets met' : 'digests bench: target missed');
