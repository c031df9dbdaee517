/**
 * The digest job's minute tick (issue 24): `dueDigests` over every active schedule, run on every
 * replica every minute. What matters is how long it holds the event loop that answers Slack; the
 * wall time includes the database's two reads.
 *
 *   node --import tsx bench/digestTick.bench.ts
 *
 * Schedules in 12 zones (a tenth without one, which follow the workspace's default), daily, weekly
 * and monthly, at times spread over the day, so that some are due at the tick. Environment:
 * BENCH_DATABASE_URL as for the other benches; BENCH_SCHEDULES (default `1000,10000`).
 */
import { performance } from 'node:perf_hooks';
import { dueDigests } from '../src/app/digests/dueDigests.js';
import type { DigestSchedule } from '../src/domain/digest/schedule.js';
import type { Database } from '../src/storage/database.js';
import { createCostSettingsRepository } from '../src/storage/costSettingsRepository.js';
import { createDigestRepository } from '../src/storage/digestRepository.js';
import { onEachDatabase, percentile } from './lib/scratchRuns.js';

const SIZES = (process.env.BENCH_SCHEDULES ?? '1000,10000').split(',').map(Number);
const TICKS = 7;
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
const NOW = new Date('2026-12-04T16:00:00Z');
const SET_AT = new Date('2026-11-01T00:00:00Z');

function scheduleOf(i: number): DigestSchedule {
  const time = `${String(i % 24).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
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

async function run(label: string, database: Database): Promise<boolean> {
  const services = {
    digests: createDigestRepository(database.db),
    costSettings: createCostSettingsRepository(database.db),
  };
  let seeded = 0;
  for (const size of SIZES) {
    for (; seeded < size; seeded += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, size - seeded) }, (_, k) => {
          const i = seeded + k;
          return services.digests.saveSchedule(
            WORKSPACE,
            `C${String(i).padStart(6, '0')}`,
            scheduleOf(i),
            'U0ANA',
            SET_AT,
          );
        }),
      );
    }
    await dueDigests(services, NOW); // warm-up
    const wall: number[] = [];
    const busy: number[] = [];
    let due = 0;
    for (let t = 0; t < TICKS; t++) {
      const before = performance.eventLoopUtilization();
      const started = performance.now();
      due = (await dueDigests(services, NOW)).length;
      wall.push(performance.now() - started);
      busy.push(performance.eventLoopUtilization(before).active);
    }
    console.log(
      `${label}: ${size} schedules (${due} due): one tick p50 ${percentile(wall, 0.5).toFixed(0)} ms wall, event loop busy p50 ${percentile(busy, 0.5).toFixed(0)} ms (max ${Math.max(...busy).toFixed(0)} ms) over ${TICKS} ticks`,
    );
  }
  return true;
}

await onEachDatabase(run);
