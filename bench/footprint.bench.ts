/**
 * What the app costs a container before any traffic: time from process start to ready (GET /readyz
 * 200: listening, migrated, connected, Slack's token checked; /healthz for the bare app),
 * and resident memory once idle, beside a bare Bolt app started the same way, on the embedded
 * PGlite and (with BENCH_DATABASE_URL) on PostgreSQL. Targets (issue 22): start ≤ 3 s on both;
 * idle ≤ 250 MB on PGlite, ≤ 110 MB on PostgreSQL. Peak memory under load is the soak's
 * (npm run soak).
 *
 *   node --import tsx bench/footprint.bench.ts
 *
 * Environment: BENCH_DATABASE_URL=postgres://… adds PostgreSQL (a fresh database on it);
 * BENCH_FOOTPRINT_RUNS (default 3) starts per target; BENCH_IDLE_SECONDS (default 15) how long a
 * started server idles before its memory is read.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createServerDatabase } from '../src/storage/scratchDatabase.js';
import { FakeSlack } from '../test/support/fakeSlack.js';
import { processStats } from './lib/procStats.js';
import { fixed, table } from './lib/report.js';
import { makeTempDir, positiveFromEnv, type Server, secondsFromEnv, sleep, stopChild } from './lib/servers.js';
import { startBareBolt, startRealApp } from './lib/targets.js';

const RUNS = positiveFromEnv('BENCH_FOOTPRINT_RUNS', 3, true);
const IDLE_SECONDS = secondsFromEnv('BENCH_IDLE_SECONDS', 15);
const START_TARGET_S = 3;
const IDLE_TARGET_MB = { bare: Number.POSITIVE_INFINITY, PGlite: 250, PostgreSQL: 110 } as const;

interface Reading {
  startS: number;
  /** CPU time the process spent until ready: what start-up costs whatever else the machine runs. */
  startCpuS: number;
  idleMb: number;
  /** The most it was ever resident until then (VmHWM). */
  peakMb: number;
}

type Target = keyof typeof IDLE_TARGET_MB;

/** Starts a server, idles it, reads its memory, stops it. */
async function measure(start: () => Promise<Server>): Promise<Reading> {
  const began = performance.now();
  const server = await start();
  const startS = (performance.now() - began) / 1000;
  const startCpuS = (processStats(server.child.pid!)?.cpuMs ?? Number.NaN) / 1000;
  await sleep(IDLE_SECONDS * 1000);
  const stats = processStats(server.child.pid!);
  await stopChild(server.child, 20_000);
  if (!stats) throw new Error(`${server.name}: no /proc reading (Linux only)`);
  return { startS, startCpuS, idleMb: stats.rssMb, peakMb: stats.peakRssMb };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  console.log(
    `Decision Ledger footprint bench — node ${process.version}, ${cpus().length} CPU(s), ` +
      `${RUNS} start(s) per target, ${IDLE_SECONDS} s idle before reading memory`,
  );
  const fake = await new FakeSlack({ keep: 'counts' }).start();
  const server = process.env.BENCH_DATABASE_URL
    ? await createServerDatabase(process.env.BENCH_DATABASE_URL, 'decision_ledger_footprint')
    : null;
  const readings = new Map<Target, Reading[]>();
  // The embedded database's first start creates its data folder; restarts open it, as a deploy does.
  const dataDir = makeTempDir('decision-ledger-footprint-');
  const targets: [Target, () => Promise<Server>][] = [
    ['bare', () => startBareBolt(fake, 'command')],
    ['PGlite', () => startRealApp(fake, { dataDir, databaseUrl: null })],
  ];
  if (server) targets.push(['PostgreSQL', () => startRealApp(fake, { dataDir, databaseUrl: server.url })]);
  let first: Reading | null = null;
  try {
    for (const [name, start] of targets) {
      if (name === 'PGlite') first = await measure(start);
      const runs: Reading[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(start));
      readings.set(name, runs);
      const each = runs.map(
        (r) => `${fixed(r.startS, 2)} s (CPU ${fixed(r.startCpuS, 2)} s) / ${fixed(r.idleMb, 0)} MB`,
      );
      console.log(`  ${name}: ${each.join(', ')}`);
    }
  } finally {
    await server?.drop();
    await fake.stop();
  }

  const rows = [['target', 'start → ready (s)', 'CPU to ready (s)', 'idle RSS (MB)', 'targets', 'met']];
  for (const [name, runs] of readings) {
    const startS = median(runs.map((r) => r.startS));
    const idleMb = median(runs.map((r) => r.idleMb));
    const bare = name === 'bare';
    const met = bare || (startS <= START_TARGET_S && idleMb <= IDLE_TARGET_MB[name]);
    rows.push([
      bare ? 'bare Bolt app' : `Decision Ledger, ${name}`,
      fixed(startS, 2),
      fixed(median(runs.map((r) => r.startCpuS)), 2),
      fixed(idleMb, 0),
      bare ? '—' : `≤ ${START_TARGET_S} s, ≤ ${IDLE_TARGET_MB[name]} MB`,
      bare ? '—' : met ? 'yes' : 'NO',
    ]);
  }
  console.log(`\n${table(rows)}`);
  console.log(
    `\n  medians of ${RUNS} restarts; PGlite's first start on an empty data folder: ${fixed(first?.startS ?? Number.NaN, 2)} s, ` +
      `peak RSS ${fixed(first?.peakMb ?? Number.NaN, 0)} MB`,
  );
}

await main();
process.exit(0);
