/**
 * The digest job's minute tick (issue 24), run on every replica every minute: how long it holds the
 * event loop that answers Slack, with 1,000, 10,000 and 100,000 schedules stored. Target: under
 * 50 ms per tick at 100,000, and a tick's work growing with the number due, not the number stored.
 *
 *   node --import tsx bench/digestTick.bench.ts
 *
 * The tick as the job runs it, less Slack: takeDueDigests in batches until the due are done, each
 * due digest then ended as a posted one is (digestRunEnded), so the next tick finds its next run.
 * Two cases per size:
 * - few due: schedules in 12 zones (a tenth without one, which follow the workspace's default),
 *   daily, weekly and monthly, at times spread over the day, each set to its next run as saving it
 *   would; ticks a minute apart find the handful whose minute it is;
 * - many due: 1,000 (and at 100,000 stored, 10,000 too) more schedules all daily at 16:00 UTC,
 *   ticked at 16:00.
 * "event loop busy" is the tick's JavaScript time (event-loop utilisation), which grows with the
 * number due (about a millisecond each: working out its period, its next run); "longest hold" the
 * longest the loop was kept from other work during the ticks (monitorEventLoopDelay's maximum,
 * 1 ms resolution): what a Slack request arriving then would wait, and what the target is about. The database's own work runs
 * elsewhere (PGlite on its worker thread, PostgreSQL in its server) and counts in the wall time only.
 * Environment: BENCH_DATABASE_URL as for the other benches; BENCH_SCHEDULES (default
 * `1000,10000,100000`).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { digestRunEnded, takeDueDigests } from '../src/app/digests/dueDigests.js';
import { type DigestSchedule, nextRunAt } from '../src/domain/digest/schedule.js';
import { createCostSettingsRepository } from '../src/storage/costSettingsRepository.js';
import type { Database } from '../src/storage/database.js';
import { createDigestRepository } from '../src/storage/digestRepository.js';
import { digestSchedules } from '../src/storage/schema.js';
import { onEachDatabase, percentile } from './lib/scratchRuns.js';

const SIZES = (process.env.BENCH_SCHEDULES ?? '1000,10000,100000').split(',').map(Number);
const TICKS = 7;
const BATCH = 10;
const TARGET_MS = 50;
const WORKSPACE = { workspaceId: 'T0TICK', enterpriseId: null };
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Africa/Lagos',
  'Pacific/Auckland',
  'Asia/Singapore',
];
// A Friday, 16:00 UTC: the many-due schedules' run.
const NOW = new Date('2026-12-04T16:00:00Z');
const SET_AT = new Date('2026-11-01T00:00:00Z');
const MINUTE = 60_000;

function scheduleOf(i: number): DigestSchedule {
  // Every minute of the day has its share of schedules (in UTC terms too, as the zones are spread).
  const time = `${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
  const timeZone = i % 10 === 9 ? null : ZONES[i % ZONES.length]!;
  const cadence = (['daily', 'weekly', 'monthly'] as const)[i % 3]!;
  return {
    cadence,
    weekday: cadence === 'weekly' ? (((i % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7) : null,
    dayOfMonth: cadence === 'monthly' ? (i % 28) + 1 : null,
    time,
    timeZone,
  };
}

const AT_FOUR: DigestSchedule = { cadence: 'daily', weekday: null, dayOfMonth: null, time: '16:00', timeZone: 'UTC' };

/**
 * Schedules as saving them leaves them (next run worked out from `savedBefore`), written in bulk:
 * saving 100,000 one by one would take most of the bench. A schedule without a zone runs in the
 * workspace's default, UTC.
 */
async function store(database: Database, rows: { channelId: string; schedule: DigestSchedule }[], savedBefore: Date) {
  for (let i = 0; i < rows.length; i += 1_000) {
    await database.db.insert(digestSchedules).values(
      rows.slice(i, i + 1_000).map(({ channelId, schedule }) => ({
        workspaceId: WORKSPACE.workspaceId,
        channelId,
        ...schedule,
        owner: 'U0ANA',
        updatedAt: SET_AT,
        nextRunAt: nextRunAt(schedule, savedBefore, schedule.timeZone ?? 'UTC'),
      })),
    );
  }
}

async function run(label: string, database: Database): Promise<boolean> {
  const services = {
    digests: createDigestRepository(database.db),
    costSettings: createCostSettingsRepository(database.db),
  };
  /** Ticks as the job runs them, at these instants; each due digest ends as a posted one does. */
  const tick = async (now: Date) => {
    let due = 0;
    for (;;) {
      const taken = await takeDueDigests(services, now, BATCH);
      due += taken.due.length;
      await Promise.all(taken.due.map((d) => digestRunEnded(services, d, 'ended', now)));
      if (taken.taken < BATCH) return due;
    }
  };
  const measure = async (instants: Date[]) => {
    const wall: number[] = [];
    const busy: number[] = [];
    const dues: number[] = [];
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    for (const now of instants) {
      const before = performance.eventLoopUtilization();
      const started = performance.now();
      dues.push(await tick(now));
      wall.push(performance.now() - started);
      busy.push(performance.eventLoopUtilization(before).active);
    }
    delay.disable();
    return { wall, busy, dues, longestHoldMs: delay.max / 1e6 };
  };
  const report = (what: string, m: Awaited<ReturnType<typeof measure>>) => {
    console.log(
      `${label}: ${what}: due per tick ${Math.min(...m.dues)}–${Math.max(...m.dues)}; tick p50 ${percentile(m.wall, 0.5).toFixed(0)} ms wall; ` +
        `event loop busy ${Math.min(...m.busy).toFixed(1)}/${percentile(m.busy, 0.5).toFixed(1)}/${Math.max(...m.busy).toFixed(1)} ms (min/p50/max); ` +
        `longest hold ${m.longestHoldMs.toFixed(0)} ms over ${m.dues.length} ticks`,
    );
    return m.longestHoldMs;
  };

  let stored = 0;
  let met = true;
  for (const size of SIZES) {
    // Saved a minute before the first tick, as the app leaves them in a steady state.
    await store(
      database,
      Array.from({ length: size - stored }, (_, k) => ({
        channelId: `C${String(stored + k).padStart(6, '0')}`,
        schedule: scheduleOf(stored + k),
      })),
      new Date(NOW.getTime() - 10 * MINUTE),
    );
    stored = size;
    await database.db.execute(sql`analyze digest_schedules`);
    // The ticks of the ten minutes before NOW: whatever came due then.
    await tick(new Date(NOW.getTime() - MINUTE));
    const few = await measure(Array.from({ length: TICKS }, (_, t) => new Date(NOW.getTime() + (t + 1) * MINUTE)));
    const fewHold = report(`${size} schedules stored, few due`, few);
    if (size === Math.max(...SIZES)) met &&= fewHold < TARGET_MS;

    for (const many of size >= 100_000 ? [1_000, 10_000] : [1_000]) {
      const name = `M${many}x${size}`;
      await store(
        database,
        Array.from({ length: many }, (_, k) => ({ channelId: `${name}_${k}`, schedule: AT_FOUR })),
        new Date(NOW.getTime() - MINUTE),
      );
      const measured = await measure([NOW]);
      report(`${size} schedules stored, ${many} due at once`, measured);
      await database.db.execute(sql`delete from digest_schedules where channel_id like ${`${name}_%`}`);
    }
  }
  console.log(
    `target: the event loop held under ${TARGET_MS} ms at a time by ticks at ${Math.max(...SIZES)} schedules with few due — ${met ? 'met' : 'MISSED'}`,
  );
  return met;
}

await onEachDatabase(run);
