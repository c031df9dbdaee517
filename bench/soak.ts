/**
 * `npm run soak`: one instance of the app under a team's worth of Slack traffic at a fixed rate for
 * a bounded time. Issue 6's targets, on the 2-core machine: 500 mixed requests/s sustained for
 * 10 minutes, p99 ack latency under 50 ms, zero errors, RSS growth under 10%.
 *
 * - Set-up: a ledger of SOAK_DECISIONS varied decisions (bench/lib/workload.ts) is recorded through
 *   the app's own use case before the app starts, so mentions and reopenings find their targets.
 *   The app (src/main.ts) then runs in a child process against the loopback fake of Slack's Web API
 *   (test/support/fakeSlack.ts, keeping only call counts), as in the other benches.
 * - Load: an open loop (bench/lib/openLoop.ts): request i is due at start + i / SOAK_RATE by the
 *   clock and goes out when due, answered or not, over keep-alive connections. Ack latency runs from
 *   when a request was due, so a server that stalls is charged for every request queued behind the
 *   stall. Every request is signed with the signing secret as Slack signs it. The mix
 *   (bench/lib/soakTraffic.ts, printed at the start) is mostly channel message events, with
 *   `/decide` commands (new decisions, list, search, show, costs) and clicks on the warnings' buttons.
 *   A warm-up at the same rate precedes the measured phase and is reported apart.
 * - Errors, counted apart: non-2xx answers; requests without an answer (connection failures, or
 *   none within 10 s); acks slower than 3 s (Slack gives up then, and retries events); and 200
 *   answers that tell the user something failed (a command's "the database did not answer"). An app
 *   that falls 10 s of load behind is sent no more until it catches up: the requests not sent count
 *   as errors too (and keep this process's memory bounded).
 * - Report: one row per window (10 s; 30 s when SOAK_SECONDS > 120), printed as the run goes, by the
 *   time requests were due: requests due, acked/s, p50/p99/max ack ms, errors by kind, the app's RSS
 *   and CPU (from /proc, without asking the app), this process's CPU, and CPU used by anything else
 *   on the machine.
 *   Then totals, latency by request kind, how long the app stayed busy after the load stopped (work
 *   acked but not yet done), what the watcher posted, and PASS/FAIL per target.
 *
 * Environment: SOAK_RATE (requests per second, default 500), SOAK_SECONDS (measured, default 600),
 * SOAK_WARMUP_SECONDS (default 20), SOAK_DECISIONS (seeded ledger, default 2000),
 * SOAK_WINDOW_SECONDS (report window), SOAK_SOCKETS (keep-alive connections at most, default 256),
 * SOAK_REPORT=<file> (also write the summary there as JSON), SOAK_DATABASE_URL=postgres://… (run the
 * app against that PostgreSQL server, in a database created and dropped for the run, instead of
 * embedded PGlite in a temporary directory), SOAK_CPU_PROF=<dir> (write a V8 CPU profile of the app
 * there).
 *
 * Exit status: 0 when the soak ran, whether or not the targets are met; 1 when it could not (a server
 * that does not start, seeding that fails); 2 on a bad environment variable.
 */
import { writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Workspace } from '../src/domain/workspace.js';
import { openDatabase } from '../src/storage/database.js';
import { createServerDatabase } from '../src/storage/scratchDatabase.js';
import { FakeSlack } from '../test/support/fakeSlack.js';
import { RequestTimeout } from './lib/http.js';
import { type Outcome, runOpenLoop } from './lib/openLoop.js';
import { machineTicks } from './lib/phase.js';
import { type ProcessStats, processStats } from './lib/procStats.js';
import { fixed, percentile, table } from './lib/report.js';
import { seedLedger } from './lib/seedLedger.js';
import {
  isInterrupted,
  makeTempDir,
  removeTempDir,
  positiveFromEnv,
  secondsFromEnv,
  type Server,
  sleep,
  stopAll,
  stopChild,
} from './lib/servers.js';
import { MIX, type RequestKind, SoakTraffic } from './lib/soakTraffic.js';
import { WarningPosts } from './lib/warningPosts.js';
import { startRealApp, TEAM } from './lib/targets.js';

const RATE = positiveFromEnv('SOAK_RATE', 500, false);
const MEASURED_SECONDS = secondsFromEnv('SOAK_SECONDS', 600);
const WARMUP_SECONDS = secondsFromEnv('SOAK_WARMUP_SECONDS', 20, true);
const WINDOW_SECONDS = secondsFromEnv('SOAK_WINDOW_SECONDS', MEASURED_SECONDS > 120 ? 30 : 10);
const DECISIONS = positiveFromEnv('SOAK_DECISIONS', 2000, true);
const SOCKETS = positiveFromEnv('SOAK_SOCKETS', 256, true);
const REPORT_PATH = process.env.SOAK_REPORT || null;
const DATABASE_URL = process.env.SOAK_DATABASE_URL || null;
const CPU_PROF_DIR = process.env.SOAK_CPU_PROF || undefined;

const TARGET = { sustainedShare: 0.99, p99Ms: 50, errors: 0, rssGrowthPercent: 10 };
/** Peak resident memory over the whole run, start-up included (issue 22), by database. */
const PEAK_RSS_TARGET_MB = { pglite: 350, postgres: 200 } as const;
/** Slack counts a request not acked within 3 s as failed (and retries an event). */
const SLACK_ACK_LIMIT_MS = 3000;
/** After the load: the app counts as idle below this share of one core, for DRAIN_IDLE_POLLS polls in a row. */
const DRAIN_POLL_MS = 250;
const DRAIN_IDLE_CPU = 0.15;
const DRAIN_IDLE_POLLS = 4;
const DRAIN_LIMIT_MS = 120_000;
/** Requests left unanswered at most, in seconds of load: a soak against an app that fell that far behind has failed, and the sender's memory stays bounded. */
const IN_FLIGHT_SECONDS = 10;

const WORKSPACE: Workspace = { workspaceId: TEAM, enterpriseId: null };

// ───────────────────────────── what is counted ─────────────────────────────

interface Errors {
  /** Answers with a status outside 2xx, by status. */
  status: Record<string, number>;
  /** No answer: connection failures and requests unanswered after 10 s. */
  failed: number;
  /** Of `failed`, those unanswered after 10 s. */
  timedOut: number;
  /** 2xx answers after more than 3 s. */
  slow: number;
  /** 2xx answers that tell the user something failed. */
  failureReplies: number;
  /** Not sent: the app had IN_FLIGHT_SECONDS' worth of requests unanswered. */
  shed: number;
}

const noErrors = (): Errors => ({ status: {}, failed: 0, timedOut: 0, slow: 0, failureReplies: 0, shed: 0 });
const non2xx = (e: Errors) => Object.values(e.status).reduce((a, b) => a + b, 0);
const errorTotal = (e: Errors) => non2xx(e) + e.failed + e.slow + e.failureReplies + e.shed;

function addErrors(into: Errors, from: Errors): void {
  for (const [status, n] of Object.entries(from.status)) into.status[status] = (into.status[status] ?? 0) + n;
  into.failed += from.failed;
  into.timedOut += from.timedOut;
  into.slow += from.slow;
  into.failureReplies += from.failureReplies;
  into.shed += from.shed;
}

function describeErrors(e: Errors): string {
  const total = errorTotal(e);
  if (total === 0) return '0';
  const parts = [
    ...Object.entries(e.status).map(([status, n]) => `${n}×HTTP ${status}`),
    e.failed ? `${e.failed} unanswered${e.timedOut ? ` (${e.timedOut} timed out)` : ''}` : '',
    e.slow ? `${e.slow} > 3 s` : '',
    e.failureReplies ? `${e.failureReplies} failure replies` : '',
    e.shed ? `${e.shed} not sent` : '',
  ].filter(Boolean);
  return `${total} (${parts.join(', ')})`;
}

/** Readings taken at a window's edges. */
interface Sample {
  at: number;
  server: ProcessStats | null;
  bench: NodeJS.CpuUsage;
  ticks: { busy: number; total: number } | null;
  appLogLines: number;
  warnings: number;
}

interface Window {
  label: string;
  /** performance.now() bounds; requests due in [from, to) belong to the window. */
  from: number;
  to: number;
  /** Requests due in the window, and how many of them have settled (answered, failed or shed). */
  expected: number;
  settled: number;
  latencies: number[];
  ok: number;
  /** 2xx answers read while the window lasted (by the clock, not by due time). */
  ackedDuring: number;
  errors: Errors;
  maxSendLagMs: number;
  start: Sample | null;
  end: Sample | null;
  printed: boolean;
}

interface KindStats {
  latencies: number[];
  errors: Errors;
  /** Text-only replies to commands, by text: failures, holding messages, usage help. */
  replies: Map<string, number>;
}

/** What a 200 answer said, for commands: nothing unusual, a failure, or a holding message. */
function readReply(body: string): { text: string | null; failure: boolean } {
  if (body === '') return { text: null, failure: false };
  try {
    const parsed = JSON.parse(body) as { text?: string; blocks?: unknown[] };
    // Results, cards and cost reports come as blocks; a reply of text alone is worth a look.
    if (Array.isArray(parsed.blocks) && parsed.blocks.length > 0) return { text: null, failure: false };
    const text = (parsed.text ?? body).slice(0, 120);
    return { text, failure: /did not answer|something went wrong|couldn't|could not/i.test(text) };
  } catch {
    return { text: body.slice(0, 120), failure: false };
  }
}

// ───────────────────────────── the run ─────────────────────────────

function sample(app: Server, warningPosts: WarningPosts): Sample {
  return {
    at: performance.now(),
    server: app.child.pid ? processStats(app.child.pid) : null,
    bench: process.cpuUsage(),
    ticks: machineTicks(),
    appLogLines: app.output.lines,
    warnings: warningPosts.count,
  };
}

/** Share of one core used between two samples: the app's, this process's, and everything else's. */
function cpuBetween(a: Sample, b: Sample) {
  const wall = Math.max(1, b.at - a.at);
  const server = a.server && b.server ? (b.server.cpuMs - a.server.cpuMs) / wall : Number.NaN;
  const bench = (b.bench.user + b.bench.system - a.bench.user - a.bench.system) / 1000 / wall;
  const machine =
    a.ticks && b.ticks && b.ticks.total > a.ticks.total
      ? ((b.ticks.busy - a.ticks.busy) / (b.ticks.total - a.ticks.total)) * cpus().length
      : Number.NaN;
  return { server, bench, other: Math.max(0, machine - (Number.isFinite(server) ? server : 0) - bench) };
}

const pct = (share: number) => (Number.isFinite(share) ? `${fixed(share * 100, 0)}%` : '—');
const sorted = (values: number[]) => Float64Array.from(values).sort();

const ROW_HEADER = [
  'window',
  'due',
  'acked/s',
  'p50 ms',
  'p99 ms',
  'max ms',
  'non-2xx',
  'no answer',
  '> 3 s',
  'bad reply',
  'not sent',
  'RSS MB',
  'app CPU',
  'bench CPU',
  'other load',
  'warnings',
  'app log',
];

function row(w: Window): string[] {
  const l = sorted(w.latencies);
  const seconds = (w.to - w.from) / 1000;
  const cpu = w.start && w.end ? cpuBetween(w.start, w.end) : null;
  return [
    w.label,
    String(w.expected),
    fixed(w.ackedDuring / seconds, 0),
    fixed(percentile(l, 50), 2),
    fixed(percentile(l, 99), 2),
    fixed(l[l.length - 1] ?? Number.NaN, 1),
    String(non2xx(w.errors)),
    String(w.errors.failed),
    String(w.errors.slow),
    String(w.errors.failureReplies),
    String(w.errors.shed),
    w.end?.server ? fixed(w.end.server.rssMb, 0) : '—',
    cpu ? pct(cpu.server) : '—',
    cpu ? pct(cpu.bench) : '—',
    cpu ? pct(cpu.other) : '—',
    w.start && w.end ? String(w.end.warnings - w.start.warnings) : '—',
    w.start && w.end ? String(w.end.appLogLines - w.start.appLogLines) : '—',
  ];
}

/** Prints `cells` aligned under the header's columns (rows appear one at a time, as windows close). */
function printRow(cells: string[], widths: number[]): void {
  console.log(
    `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`,
  );
}

/** How long the app stays busy once the load has stopped: work it acked but had not done yet. */
async function drainTime(app: Server): Promise<{ ms: number; timedOut: boolean }> {
  const pid = app.child.pid;
  if (!pid) return { ms: Number.NaN, timedOut: false };
  const since = performance.now();
  let previous = processStats(pid);
  let previousAt = performance.now();
  let lastBusy = since;
  let idle = 0;
  while (idle < DRAIN_IDLE_POLLS) {
    if (performance.now() - since > DRAIN_LIMIT_MS) return { ms: performance.now() - since, timedOut: true };
    await sleep(DRAIN_POLL_MS);
    const now = performance.now();
    const current = processStats(pid);
    if (!current || !previous) return { ms: Number.NaN, timedOut: false };
    if ((current.cpuMs - previous.cpuMs) / (now - previousAt) > DRAIN_IDLE_CPU) {
      idle = 0;
      lastBusy = now;
    } else {
      idle += 1;
    }
    previous = current;
    previousAt = now;
  }
  return { ms: Math.max(0, lastBusy - since - DRAIN_POLL_MS), timedOut: false };
}

async function main(): Promise<number> {
  console.log(
    `Decision Ledger soak — node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}), ` +
      `${RATE} requests/s open loop, ${WARMUP_SECONDS} s warm-up + ${MEASURED_SECONDS} s measured, ${DECISIONS} decisions seeded`,
  );
  console.log('  mix:');
  for (const { perMille, what } of MIX) console.log(`    ${fixed(perMille / 10, 1).padStart(5)}%  ${what}`);

  let traffic: SoakTraffic | null = null;
  const fake = await new FakeSlack({ keep: 'counts' }).start();
  const warningPosts = new WarningPosts(fake, (post) => traffic?.noteWarning(post));
  const dataDir = makeTempDir('decision-ledger-soak-');
  const pg = DATABASE_URL ? await createServerDatabase(DATABASE_URL, 'decision_ledger_soak') : null;
  console.log(
    `  database: ${pg ? `PostgreSQL (${pg.name}, created for this run)` : 'embedded PGlite in a temporary directory'}`,
  );
  const databaseConfig = pg ? ({ kind: 'postgres', url: pg.url } as const) : ({ kind: 'pglite', dataDir } as const);

  try {
    // ── set-up: the ledger, then the app
    const database = await openDatabase(databaseConfig);
    let refs: number[];
    try {
      await database.migrate();
      const seeded = await seedLedger(database, WORKSPACE, DECISIONS);
      if (seeded.created !== DECISIONS)
        throw new Error(`seeding created ${seeded.created} decisions, expected ${DECISIONS}`);
      refs = seeded.refs;
      console.log(`  seeded ${seeded.created} decisions in ${fixed(seeded.ms / 1000, 1)} s`);
    } finally {
      await database.close();
    }
    const app = await startRealApp(fake, { dataDir, databaseUrl: pg?.url ?? null, cpuProfDir: CPU_PROF_DIR });
    traffic = new SoakTraffic(fake, refs);
    const idle = sample(app, warningPosts);
    console.log(
      `  app started (pid ${app.child.pid}), RSS ${idle.server ? `${fixed(idle.server.rssMb, 0)} MB` : 'unknown (no /proc)'} before any request`,
    );

    // ── the schedule: warm-up, then windows of the measured phase
    const spacingMs = 1000 / RATE;
    const warmupCount = Math.round(WARMUP_SECONDS * RATE);
    const count = warmupCount + Math.round(MEASURED_SECONDS * RATE);
    const loopStart = performance.now() + 200;
    const measureStart = loopStart + warmupCount * spacingMs;
    const measureEnd = measureStart + MEASURED_SECONDS * 1000;
    const newWindow = (label: string, from: number, to: number): Window => ({
      label,
      from,
      to,
      expected: 0,
      settled: 0,
      latencies: [],
      ok: 0,
      ackedDuring: 0,
      errors: noErrors(),
      maxSendLagMs: 0,
      start: null,
      end: null,
      printed: false,
    });
    const warmup = newWindow('warm-up', loopStart, measureStart);
    const windows: Window[] = [];
    for (let from = 0; from < MEASURED_SECONDS * 1000 - 1e-6; from += WINDOW_SECONDS * 1000) {
      const to = Math.min(from + WINDOW_SECONDS * 1000, MEASURED_SECONDS * 1000);
      windows.push(
        newWindow(`${fixed(from / 1000, 0)}–${fixed(to / 1000, 0)} s`, measureStart + from, measureStart + to),
      );
    }
    const all = WARMUP_SECONDS > 0 ? [warmup, ...windows] : windows;
    const windowAt = (t: number): Window | null => {
      if (t < measureStart) return t >= loopStart ? warmup : null;
      return t < measureEnd
        ? windows[Math.min(windows.length - 1, Math.floor((t - measureStart) / (WINDOW_SECONDS * 1000)))]!
        : null;
    };
    const windowOf = (index: number) =>
      index < warmupCount ? warmup : (windowAt(loopStart + index * spacingMs) ?? windows[windows.length - 1]!);
    for (let i = 0; i < count; i++) windowOf(i).expected += 1;

    const kinds = new Map<RequestKind, KindStats>(
      MIX.map(({ kind }) => [kind, { latencies: [], errors: noErrors(), replies: new Map() }]),
    );
    const firstFailures = new Map<string, number>();
    const noteFailure = (text: string) => {
      if (firstFailures.has(text) || firstFailures.size < 8)
        firstFailures.set(text, (firstFailures.get(text) ?? 0) + 1);
    };

    // Rows appear once their window has ended and every request due in it has settled.
    const widths = ROW_HEADER.map((h) => Math.max(h.length, 6));
    widths[0] = Math.max(12, `${MEASURED_SECONDS}–${MEASURED_SECONDS} s`.length);
    console.log('');
    printRow(ROW_HEADER, widths);
    printRow(
      widths.map((w) => '─'.repeat(w)),
      widths,
    );
    const flush = () => {
      for (const w of all) {
        if (w.printed) continue;
        if (!w.end || w.settled < w.expected) return;
        w.printed = true;
        printRow(row(w), widths);
      }
    };

    const onOutcome = (o: Outcome, kind: RequestKind) => {
      const w = windowOf(o.index);
      const k = kinds.get(kind)!;
      const e = noErrors();
      w.settled += 1;
      w.maxSendLagMs = Math.max(w.maxSendLagMs, o.sendLagMs);
      if (o.shed) {
        e.shed = 1;
      } else if (o.latencyMs === null) {
        e.failed = 1;
        if (o.error instanceof RequestTimeout) e.timedOut = 1;
        noteFailure(`${kind}: ${String(o.error)}`);
      } else {
        w.latencies.push(o.latencyMs);
        k.latencies.push(o.latencyMs);
        if (o.status! < 200 || o.status! > 299) {
          e.status[String(o.status)] = 1;
          noteFailure(`${kind}: HTTP ${o.status} ${o.body.slice(0, 160)}`.trim());
        } else {
          const during = windowAt(o.settledAt);
          if (during) during.ackedDuring += 1;
          const reply = readReply(o.body);
          if (reply.text !== null) k.replies.set(reply.text, (k.replies.get(reply.text) ?? 0) + 1);
          if (o.latencyMs > SLACK_ACK_LIMIT_MS) e.slow = 1;
          else if (reply.failure) e.failureReplies = 1;
          else w.ok += 1;
          if (reply.failure) noteFailure(`${kind}: replied "${reply.text}"`);
        }
      }
      addErrors(w.errors, e);
      addErrors(k.errors, e);
      if (w.end) flush();
    };

    // Readings at the edge of every window, by the clock.
    const edges = [...(WARMUP_SECONDS > 0 ? [loopStart] : []), measureStart, ...windows.map((w) => w.to)];
    const timers = edges.map((at) =>
      setTimeout(
        () => {
          const s = sample(app, warningPosts);
          for (const w of all) {
            if (Math.abs(w.from - at) < 1) w.start = s;
            if (Math.abs(w.to - at) < 1) w.end = s;
          }
          flush();
        },
        Math.max(0, at - performance.now()),
      ),
    );

    const agent = new Agent({
      keepAlive: true,
      maxSockets: SOCKETS,
      // Below the server's 5 s keep-alive timeout (Node's default): the client closes an idle
      // connection first, so no request goes out on a socket the server is closing.
      timeout: 4000,
    });
    const sent = await runOpenLoop({
      url: `${app.url}/slack/events`,
      agent,
      rate: RATE,
      count,
      maxInFlight: Math.ceil(RATE * IN_FLIGHT_SECONDS),
      startAt: loopStart,
      next: () => traffic!.next(),
      onOutcome,
      stopped: isInterrupted,
    });
    const loadEnd = performance.now();
    agent.destroy();
    // A window's end reading may still be due when the last answers come in early.
    while (performance.now() < measureEnd + 5) await sleep(5);
    timers.forEach(clearTimeout);
    flush();
    if (sent < count) console.log(`  (stopped early: ${sent} of ${count} requests sent)`);

    const drained = await drainTime(app);

    // ── totals over the measured phase
    const measuredLatencies = sorted(windows.flatMap((w) => w.latencies));
    const errors = noErrors();
    for (const w of windows) addErrors(errors, w.errors);
    const measuredSent = windows.reduce((n, w) => n + w.settled, 0);
    const ok = windows.reduce((n, w) => n + w.ok, 0);
    const sustained = ok / MEASURED_SECONDS;
    const first = windows[0]!.start?.server ?? null;
    const last = windows[windows.length - 1]!.end?.server ?? null;
    const rssSeries = windows.map((w) => w.end?.server?.rssMb).filter((v): v is number => v !== undefined);
    const rssGrowth = first && last ? ((last.rssMb - first.rssMb) / first.rssMb) * 100 : Number.NaN;
    const peakRssMb = last?.peakRssMb ?? Number.NaN;
    const peakTargetMb = PEAK_RSS_TARGET_MB[pg ? 'postgres' : 'pglite'];
    const overallCpu =
      windows[0]!.start && windows[windows.length - 1]!.end
        ? cpuBetween(windows[0]!.start!, windows[windows.length - 1]!.end!)
        : null;
    const sendLag = sorted([...all].map((w) => w.maxSendLagMs));
    const p = (q: number) => percentile(measuredLatencies, q);

    console.log(
      `\n  windows by the time requests were due; acked/s counts 2xx answers read during the window; app CPU, bench CPU` +
        `\n  (this process: load generator and fake Slack) and other load (anything else on this ${cpus().length}-CPU machine) in % of one core;` +
        `\n  warnings: relitigation warnings the app posted; app log: lines it logged at warn or above.` +
        (pg
          ? '\n  On PostgreSQL, app CPU leaves out the database server: a server on this machine shows up as other load.'
          : ''),
    );
    console.log(
      `\nmeasured ${MEASURED_SECONDS} s: ${measuredSent} requests due, ${ok} acked cleanly within 3 s = ${fixed(sustained, 1)}/s; ` +
        `ack latency p50 ${fixed(p(50), 2)} ms, p90 ${fixed(p(90), 2)} ms, p99 ${fixed(p(99), 2)} ms, p99.9 ${fixed(p(99.9), 2)} ms, max ${fixed(p(100), 1)} ms`,
    );
    console.log(`  errors: ${describeErrors(errors)}`);
    if (firstFailures.size > 0) console.log('  failures by kind and cause (warm-up included, the first 8 causes):');
    for (const [text, n] of firstFailures) console.log(`    ${n}× ${text}`);
    console.log(
      `  app RSS: ${first ? fixed(first.rssMb, 0) : '—'} MB at the start of measurement, ${last ? fixed(last.rssMb, 0) : '—'} MB at the end (${fixed(rssGrowth, 1)}%); ` +
        `${rssSeries.length ? `${fixed(Math.min(...rssSeries), 0)}–${fixed(Math.max(...rssSeries), 0)} MB over the windows` : ''}; ` +
        `${idle.server ? `${fixed(idle.server.rssMb, 0)} MB before the warm-up` : ''}; peak ${fixed(peakRssMb, 0)} MB (VmHWM, start-up included)`,
    );
    console.log(
      `  app CPU over the measured phase ${overallCpu ? pct(overallCpu.server) : '—'} of one core; this process ${overallCpu ? pct(overallCpu.bench) : '—'}; ` +
        `sender lateness (max per window) up to ${fixed(sendLag[sendLag.length - 1] ?? Number.NaN, 1)} ms`,
    );
    console.log(
      `  after the last answer the app stayed busy ${drained.timedOut ? `over ${DRAIN_LIMIT_MS / 1000} s (stopped waiting)` : `${fixed(drained.ms / 1000, 2)} s`} ` +
        `working off what it had acked (${fixed((loadEnd - measureEnd) / 1000, 2)} s from the end of the schedule to the last answer)`,
    );

    console.log('\nby kind (warm-up + measured):');
    const kindRows = [['kind', 'due', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'text-only replies']];
    for (const { kind } of MIX) {
      const k = kinds.get(kind)!;
      const l = sorted(k.latencies);
      const replies = [...k.replies]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([text, n]) => `${n}× "${text.slice(0, 60)}"`)
        .join('; ');
      kindRows.push([
        kind,
        String(traffic.sent[kind]),
        fixed(percentile(l, 50), 2),
        fixed(percentile(l, 99), 2),
        fixed(l[l.length - 1] ?? Number.NaN, 1),
        describeErrors(k.errors),
        replies || '—',
      ]);
    }
    console.log(table(kindRows).replace(/^/gm, '  '));
    const m = traffic.messages.sent;
    console.log(
      `\nwatcher: ${m.chatter} chatter, ${m.mention} mentions, ${m.reopen} reopenings sent; ${warningPosts.count} warnings posted; ` +
        `${traffic.sent.button} warning buttons clicked`,
    );
    const calls = [...fake.counts].sort((a, b) => b[1] - a[1]);
    console.log(`fake Slack calls: ${calls.map(([method, n]) => `${method} ${n}`).join(', ') || 'none'}`);
    if (app.output.lines > 0)
      console.log(
        `app wrote ${app.output.lines} log line(s) at warn or above; last ones:\n  ${app.output.tail.join('\n  ')}`,
      );

    // ── verdict
    const verdicts = [
      {
        target: `rate sustained ≥ ${TARGET.sustainedShare * 100}% of ${RATE}/s`,
        measured: `${fixed(sustained, 1)}/s`,
        pass: sustained >= TARGET.sustainedShare * RATE,
      },
      { target: `p99 ack < ${TARGET.p99Ms} ms`, measured: `${fixed(p(99), 2)} ms`, pass: p(99) < TARGET.p99Ms },
      { target: 'zero errors', measured: String(errorTotal(errors)), pass: errorTotal(errors) === TARGET.errors },
      {
        target: `RSS growth < ${TARGET.rssGrowthPercent}%`,
        measured: `${fixed(rssGrowth, 1)}%`,
        pass: rssGrowth < TARGET.rssGrowthPercent,
      },
      {
        target: `peak RSS ≤ ${peakTargetMb} MB`,
        measured: `${fixed(peakRssMb, 0)} MB`,
        pass: peakRssMb <= peakTargetMb,
      },
    ];
    console.log('\ntargets (measured phase):');
    for (const v of verdicts)
      console.log(`  ${v.target.padEnd(32)} ${v.measured.padStart(12)}   ${v.pass ? 'PASS' : 'FAIL'}`);
    const pass = verdicts.every((v) => v.pass);
    console.log(
      `  overall: ${pass ? 'PASS' : 'FAIL'}${MEASURED_SECONDS < 600 || RATE < 500 ? ` (a shorter or slower run than issue 6 asks: ${MEASURED_SECONDS} s at ${RATE}/s)` : ''}`,
    );

    if (REPORT_PATH) {
      const summary = {
        when: new Date().toISOString(),
        node: process.version,
        cpus: cpus().length,
        config: {
          rate: RATE,
          measuredSeconds: MEASURED_SECONDS,
          warmupSeconds: WARMUP_SECONDS,
          windowSeconds: WINDOW_SECONDS,
          decisions: DECISIONS,
          sockets: SOCKETS,
          database: pg ? 'postgres' : 'pglite',
        },
        mix: MIX.map(({ kind, perMille, what }) => ({ kind, share: perMille / 1000, what })),
        sentByKind: traffic.sent,
        messagesByKind: traffic.messages.sent,
        measured: {
          sent: measuredSent,
          ackedCleanly: ok,
          sustainedPerSecond: sustained,
          latencyMs: { p50: p(50), p90: p(90), p99: p(99), p999: p(99.9), max: p(100) },
          errors: { ...errors, total: errorTotal(errors) },
          appCpuShare: overallCpu?.server ?? null,
          benchCpuShare: overallCpu?.bench ?? null,
        },
        rssMb: {
          beforeWarmup: idle.server?.rssMb ?? null,
          start: first?.rssMb ?? null,
          end: last?.rssMb ?? null,
          growthPercent: rssGrowth,
          min: Math.min(...rssSeries),
          max: Math.max(...rssSeries),
          peak: peakRssMb,
        },
        drainAfterLoadMs: drained.ms,
        windows: all.map((w) => {
          const l = sorted(w.latencies);
          const cpu = w.start && w.end ? cpuBetween(w.start, w.end) : null;
          return {
            label: w.label,
            due: w.expected,
            ackedPerSecond: w.ackedDuring / ((w.to - w.from) / 1000),
            p50Ms: percentile(l, 50),
            p99Ms: percentile(l, 99),
            maxMs: l[l.length - 1] ?? null,
            errors: errorTotal(w.errors),
            rssMb: w.end?.server?.rssMb ?? null,
            appCpuShare: cpu?.server ?? null,
            benchCpuShare: cpu?.bench ?? null,
            otherLoadShare: cpu?.other ?? null,
            maxSendLagMs: w.maxSendLagMs,
          };
        }),
        byKind: Object.fromEntries(
          [...kinds].map(([kind, k]) => {
            const l = sorted(k.latencies);
            return [
              kind,
              {
                sent: traffic!.sent[kind],
                p50Ms: percentile(l, 50),
                p99Ms: percentile(l, 99),
                maxMs: l[l.length - 1] ?? null,
                errors: errorTotal(k.errors),
                replies: Object.fromEntries(k.replies),
              },
            ];
          }),
        ),
        warningsPosted: warningPosts.count,
        fakeSlackCalls: Object.fromEntries(fake.counts),
        appLogLines: app.output.lines,
        targets: verdicts,
        pass,
      };
      writeFileSync(REPORT_PATH, `${JSON.stringify(summary, null, 2)}\n`);
      console.log(`\nsummary written to ${REPORT_PATH}`);
    }
    await stopChild(app.child, 15_000);
    if (CPU_PROF_DIR) console.log(`CPU profile of the app written to ${CPU_PROF_DIR}`);
  } finally {
    await stopAll(5000);
    await pg?.drop();
    await fake.stop();
    removeTempDir(dataDir);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('soak failed:', error);
    process.exit(1);
  },
);
