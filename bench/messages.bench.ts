/**
 * `npm run bench` (after decide.bench.ts): message-event throughput of the relitigation watcher
 * with 10,000 decisions in the workspace, next to a bare Bolt app whose `message` listener does
 * nothing. Issue 3's target: the app sustains at least 0.7× the bare app's throughput.
 *
 * - Seeding: before the app starts, this process opens its database, migrates it and records
 *   10,000 varied decisions (bench/lib/workload.ts) through the app's own recordDecision use case
 *   and decision repository, many at once so the repository's group commit batches them.
 * - Load: the closed loop of decide.bench.ts (16 workers, warm-up then measured phase) sending signed
 *   Events API deliveries of channel messages: ~85% chatter and status updates, ~10% that mention a
 *   seeded decision's topic, ~5% that reopen one, each in a new thread and on its own (channel,
 *   decision) pair across C0BENCH1…50, so the 12-hour cooling period never silences one.
 * - Sustained, not just acked: Bolt acks an event before its listener runs, so after the measured
 *   phase the bench waits for the app to drain (its event loop idle and no new warnings) and counts
 *   processed/s = (measured messages − those whose work the app dropped, overloaded) / (measured
 *   time + drain time). The verdict is processed/s of the app ÷ acked/s of the bare app.
 *
 * Environment: BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CPU_PROF and BENCH_DATABASE_URL as for
 * decide.bench.ts; BENCH_DECISIONS (default 10000).
 *
 * Exit status: 0 whether or not the target is met (deliveries the app leaves unanswered for 10 s
 * count against it, not as errors); 1 on errors (non-200 responses, failed connections, servers
 * that do not start, seeding that fails).
 */
import { Agent } from 'node:http';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Workspace } from '../src/domain/workspace.js';
import { openDatabase } from '../src/storage/database.js';
import { rowsOf } from '../src/storage/insertDecisions.js';
import { FakeSlack } from '../test/support/fakeSlack.js';
import { httpRequest } from './lib/http.js';
import type { SignedRequest } from '../test/support/slackRequests.js';
import { benchTarget, type TargetRun } from './lib/phase.js';
import { createServerDatabase } from '../src/storage/scratchDatabase.js';
import { errorsOf, fixed, report, rps } from './lib/report.js';
import {
  makeTempDir,
  probe,
  removeTempDir,
  positiveFromEnv,
  secondsFromEnv,
  type Server,
  sleep,
  stopAll,
  stopChild,
} from './lib/servers.js';
import type { ProbeReading } from './lib/probeReading.js';
import { seedLedger } from './lib/seedLedger.js';
import { signedMessageEvent } from './lib/slackBodies.js';
import { startBareBolt, startRealApp, TEAM } from './lib/targets.js';
import { WarningPosts } from './lib/warningPosts.js';
import { type MessageKind, MessageMix, sameTopic } from './lib/workload.js';

const CONCURRENCY = 16;
const MEASURED_SECONDS = secondsFromEnv('BENCH_SECONDS', 10);
const WARMUP_SECONDS = secondsFromEnv('BENCH_WARMUP_SECONDS', 5, true);
const DECISIONS = positiveFromEnv('BENCH_DECISIONS', 10_000, true);
const TARGET_RATIO = 0.7;

/**
 * The app counts as drained after this many probe windows with its event loop (nearly) idle — busy
 * at most DRAIN_IDLE_LOOP more than before the load — and no new warning.
 */
const DRAIN_WINDOW_MS = 50;
const DRAIN_IDLE_WINDOWS = 4;
const DRAIN_IDLE_LOOP = 0.1;
const DRAIN_LIMIT_MS = 60_000;
/** A slow app holds its event loop for long stretches; the probe answers only between them. */
const PROBE_TIMEOUT_MS = 30_000;
/** Slack counts an event not acked within 3 s as failed (and retries it). */
const SLACK_ACK_LIMIT_MS = 3000;

const WORKSPACE: Workspace = { workspaceId: TEAM, enterpriseId: null };

// ───────────────────────────── load ─────────────────────────────

let eventSequence = 0;
const tsBase = Math.floor(Date.now() / 1000);

/** What the bench sent as a top-level message, by `channel ts`. */
type Sent = Map<string, { kind: MessageKind; about: number | null }>;

/** Message events from `mix`, as Slack delivers them; top-level messages are noted in `sent`. */
function messageEvents(mix: MessageMix, sent: Sent): () => SignedRequest {
  return () => {
    const seq = ++eventSequence;
    const ts = `${tsBase + Math.floor(seq / 1e6)}.${String(seq % 1e6).padStart(6, '0')}`;
    const message = mix.next(ts);
    if (message.threadTs === null) sent.set(`${message.channel} ${ts}`, { kind: message.kind, about: message.about });
    return signedMessageEvent(message, ts, `Ev0BENCH${seq}`);
  };
}

/**
 * Waits until the app has worked off what it acked: DRAIN_IDLE_WINDOWS consecutive windows with its
 * event loop no busier than when idle (`idleLoop`, plus DRAIN_IDLE_LOOP), answering the probe
 * within a window, and no warning posted in between. Returns the time
 * from the end of the measured phase to the end of the last busy window (resolution about one
 * window), and the probe's reading at the end. A reading that arrives late counts as busy until it
 * arrived: the probe answers only when the loop is free, and PGlite works off queued queries without
 * freeing it. On PostgreSQL, work waiting on the server leaves the loop idle: there the warning
 * count is the only other sign.
 */
async function drain(
  app: Server,
  warningPosts: WarningPosts,
  run: TargetRun,
  idleLoop: number,
): Promise<{ ms: number; reading: ProbeReading | null; timedOut: boolean }> {
  const since = run.measured.endedAt;
  let previous = run.probe;
  let lastBusy = run.probedAt;
  let idleWindows = 0;
  let warnings = warningPosts.count;
  while (idleWindows < DRAIN_IDLE_WINDOWS) {
    if (performance.now() - since > DRAIN_LIMIT_MS)
      return { ms: performance.now() - since, reading: previous, timedOut: true };
    await sleep(DRAIN_WINDOW_MS);
    const asked = performance.now();
    const reading = await probe(app, 'read', PROBE_TIMEOUT_MS);
    const now = performance.now();
    if (!reading || !previous) return { ms: Number.NaN, reading, timedOut: false };
    const busy = (reading.activeMs - previous.activeMs) / Math.max(1, reading.wallMs - previous.wallMs);
    if (busy > idleLoop + DRAIN_IDLE_LOOP || warningPosts.count !== warnings || now - asked > DRAIN_WINDOW_MS) {
      idleWindows = 0;
      lastBusy = now;
    } else {
      idleWindows += 1;
    }
    previous = reading;
    warnings = warningPosts.count;
  }
  return { ms: Math.max(0, lastBusy - since), reading: previous, timedOut: false };
}

/** How busy the app's event loop is with nothing to do (a CPU profiler, for one, keeps it busy). */
async function idleLoopOf(app: Server): Promise<number> {
  const before = await probe(app, 'read', PROBE_TIMEOUT_MS);
  await sleep(500);
  const after = await probe(app, 'read', PROBE_TIMEOUT_MS);
  return before && after ? (after.activeMs - before.activeMs) / Math.max(1, after.wallMs - before.wallMs) : 0;
}

/**
 * Event work the app dropped because its queue was full (its `slack_events_dropped_total`): acked
 * but never judged, so not processed.
 */
async function droppedWork(app: Server): Promise<number> {
  const res = await httpRequest(new Agent({ keepAlive: false }), `${app.url}/metrics`, 'GET', '', {});
  const line = res.body
    .split('\n')
    .find((l) => l.startsWith('decision_ledger_slack_events_dropped_total{reason="overloaded"}'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

// ───────────────────────────── after the run ─────────────────────────────

interface Judged {
  decisions: number;
  messagesJudged: number;
  byOutcome: Record<string, number>;
}

async function inspectDatabase(config: Parameters<typeof openDatabase>[0]): Promise<Judged> {
  const database = await openDatabase(config);
  try {
    const [totals] = rowsOf<{ decisions: number }>(
      await database.db.execute(sql`select count(*)::int as decisions from decisions where workspace_id = ${TEAM}`),
    );
    const [judged] = rowsOf<{ messages: number }>(
      await database.db.execute(
        sql`select count(distinct (channel_id, message_ts))::int as messages from relitigation_judgements where workspace_id = ${TEAM}`,
      ),
    );
    const outcomes = rowsOf<{ outcome: string; n: number }>(
      await database.db.execute(
        sql`select outcome, count(*)::int as n from relitigation_judgements where workspace_id = ${TEAM} group by outcome order by outcome`,
      ),
    );
    return {
      decisions: Number(totals?.decisions ?? 0),
      messagesJudged: Number(judged?.messages ?? 0),
      byOutcome: Object.fromEntries(outcomes.map((r) => [r.outcome, Number(r.n)])),
    };
  } finally {
    await database.close();
  }
}

/**
 * Warned threads by what the bench sent there, and how many warnings named the decision the
 * message was about — or one recorded for the same service with the same choice, which the
 * workload records several times in other words (bench/lib/workload.ts).
 */
function countWarnings(sent: Sent, warned: Map<string, string>, refs: number[]) {
  const counts = { chatter: 0, mention: 0, reopen: 0, unknown: 0, reopenNamingIt: 0, reopenNamingItsTwin: 0 };
  const indexOfRef = new Map(refs.map((ref, i) => [ref, i]));
  for (const [key, text] of warned) {
    const message = sent.get(key);
    counts[message?.kind ?? 'unknown'] += 1;
    const named = indexOfRef.get(Number(/\bD-(\d+)\b/.exec(text)?.[1]));
    if (message?.kind !== 'reopen' || message.about === null || named === undefined) continue;
    if (named === message.about) counts.reopenNamingIt += 1;
    else if (sameTopic(named, message.about)) counts.reopenNamingItsTwin += 1;
  }
  return counts;
}

const percent = (part: number, whole: number) => (whole > 0 ? `${fixed((part / whole) * 100, 1)}%` : '—');

// ───────────────────────────── main ─────────────────────────────

async function main(): Promise<number> {
  console.log(
    `Decision Ledger message-event bench — node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}), ` +
      `${CONCURRENCY} concurrent, ${WARMUP_SECONDS} s warm-up + ${MEASURED_SECONDS} s measured per target, ${DECISIONS} decisions`,
  );
  const fake = await new FakeSlack({ keep: 'counts' }).start();
  const warningPosts = new WarningPosts(fake);
  const dataDir = makeTempDir('decision-ledger-bench-messages-');
  const profDir = process.env.BENCH_CPU_PROF;
  const pg = process.env.BENCH_DATABASE_URL
    ? await createServerDatabase(process.env.BENCH_DATABASE_URL, 'decision_ledger_bench')
    : null;
  if (pg) console.log(`  database: PostgreSQL (${pg.name}, created for this run)`);
  const databaseConfig = pg ? ({ kind: 'postgres', url: pg.url } as const) : ({ kind: 'pglite', dataDir } as const);

  const problems: string[] = [];
  let refs: number[] = [];
  try {
    const database = await openDatabase(databaseConfig);
    try {
      await database.migrate();
      const seeded = await seedLedger(database, WORKSPACE, DECISIONS);
      refs = seeded.refs;
      console.log(
        `  seeded ${seeded.created} decisions through recordDecision in ${fixed(seeded.ms / 1000, 1)} s ` +
          `(${fixed(seeded.created / (seeded.ms / 1000), 0)} decisions/s)`,
      );
      if (seeded.created !== DECISIONS)
        problems.push(`seeding created ${seeded.created} decisions, expected ${DECISIONS}`);
    } finally {
      await database.close();
    }

    console.log('  starting the bare Bolt app and the real app…');
    const started = performance.now();
    const [bare, app] = await Promise.all([
      startBareBolt(fake, 'message'),
      startRealApp(fake, { dataDir, databaseUrl: pg?.url ?? null, cpuProfDir: profDir }),
    ]);
    console.log(`  both ready (${fixed((performance.now() - started) / 1000, 1)} s)`);
    const load = {
      concurrency: CONCURRENCY,
      warmupSeconds: WARMUP_SECONDS,
      measuredSeconds: MEASURED_SECONDS,
      probeTimeoutMs: PROBE_TIMEOUT_MS,
    };

    const bareRun = await benchTarget(bare, load, messageEvents(new MessageMix(DECISIONS), new Map() as Sent));
    await stopChild(bare.child, 5000);

    const idleLoop = await idleLoopOf(app);
    const callsBefore = new Map(fake.counts);
    const mix = new MessageMix(DECISIONS);
    const sent: Sent = new Map();
    let droppedBefore = 0;
    const appRun = await benchTarget(app, load, messageEvents(mix, sent), async () => {
      droppedBefore = await droppedWork(app);
    });
    const drained = await drain(app, warningPosts, appRun, idleLoop);
    const dropped = (await droppedWork(app)) - droppedBefore;
    const processedPerSecond =
      (appRun.measured.completed - dropped) / ((appRun.measured.elapsedMs + drained.ms) / 1000);
    const processed = (run: TargetRun) => (run === appRun ? processedPerSecond : rps(run.measured));
    const runs = [bareRun, appRun];
    report(runs, {
      rateHeader: 'acked/s',
      unit: 'msg',
      extraColumns: [
        { header: 'processed/s', cell: (run) => fixed(processed(run), 0) },
        { header: 'drain', cell: (run) => (run === appRun ? `${fixed(drained.ms / 1000, 2)} s` : '—') },
      ],
    });
    const appCalls = [...fake.counts]
      .map(([method, n]) => [method, n - (callsBefore.get(method) ?? 0)] as const)
      .filter(([, n]) => n > 0);
    const appOutput = app.output;
    await stopChild(app.child, 15_000);

    // ── verdict
    const ratio = processedPerSecond / rps(bareRun.measured);
    console.log(
      `\napp drained its backlog ${fixed(drained.ms / 1000, 2)} s after the measured phase` +
        `${drained.timedOut ? ` (still busy after ${DRAIN_LIMIT_MS / 1000} s: stopped waiting)` : ''}; ` +
        `processed/s = (${appRun.measured.completed} messages − ${dropped} dropped unjudged) / ${fixed((appRun.measured.elapsedMs + drained.ms) / 1000, 2)} s`,
    );
    if (drained.reading && appRun.probe) {
      const total = drained.reading.cpuMs;
      console.log(
        `app CPU over measured phase + drain: ${fixed(total, 0)} ms = ${fixed(total / Math.max(1, appRun.measured.completed), 3)} ms per message`,
      );
    }
    const lateAcks = (run: TargetRun) =>
      run.measured.latencies.filter((ms) => ms > SLACK_ACK_LIMIT_MS).length + run.measured.timeouts;
    for (const run of runs) {
      const late = lateAcks(run);
      if (late > 0) {
        console.log(
          `${run.name}: ${late} of ${run.measured.completed + run.measured.timeouts} measured deliveries not acked within Slack's 3 s` +
            `${run.measured.timeouts > 0 ? ` (${run.measured.timeouts} not at all within 10 s: the bench gave up on them; they count as not processed)` : ''}`,
        );
      }
    }
    console.log(
      `\nratio app processed/s ÷ bare acked/s: ${ratio.toFixed(3)}   (target ≥ ${TARGET_RATIO})   ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`,
    );
    console.log(`  (app acked/s ÷ bare acked/s: ${(rps(appRun.measured) / rps(bareRun.measured)).toFixed(3)})`);

    // ── what the watcher did (warm-up + measured)
    const warned = countWarnings(sent, warningPosts.byThread, refs);
    console.log('\nwatcher check (app, warm-up + measured):');
    console.log(
      `  messages sent: ${mix.sent.chatter} chatter, ${mix.sent.mention} mentioning a decision, ${mix.sent.reopen} reopening one`,
    );
    console.log(
      `  reopening messages that got a warning: ${warned.reopen} of ${mix.sent.reopen} (${percent(warned.reopen, mix.sent.reopen)}); ` +
        `${warned.reopenNamingIt} of those named the decision the message reopened and ${warned.reopenNamingItsTwin} one recorded for the same ` +
        `service and choice in other words (${percent(warned.reopenNamingIt + warned.reopenNamingItsTwin, warned.reopen)})`,
    );
    console.log(
      `  warnings elsewhere: ${warned.mention} on mentions (${percent(warned.mention, mix.sent.mention)}), ${warned.chatter} on chatter` +
        `${warned.unknown > 0 ? `, ${warned.unknown} in threads the bench did not start` : ''}; ${warningPosts.count} warning posts in all`,
    );
    console.log(`  fake Slack calls during the app run: ${appCalls.map(([m, n]) => `${m} ${n}`).join(', ') || 'none'}`);
    try {
      const judged = await inspectDatabase(databaseConfig);
      console.log(
        `  database after shutdown: ${judged.decisions} decisions; ${judged.messagesJudged} messages with a recorded judgement; ` +
          `judgements by outcome ${JSON.stringify(judged.byOutcome)}`,
      );
    } catch (error) {
      console.log(`  database after shutdown: not inspected (${String(error)})`);
    }

    for (const run of runs) {
      for (const phase of [run.warmup, run.measured]) {
        if (!phase) continue;
        // A delivery the app did not answer within 10 s is a missed target (reported above), not an error of the bench.
        const bad = errorsOf(phase) - phase.timeouts;
        if (bad > 0) {
          problems.push(
            `${run.name}: ${bad} failed requests (${[...phase.badStatus].map(([s, n]) => `HTTP ${s}×${n}`).join(', ') || 'network'}); first: ${phase.firstFailure}`,
          );
        }
        for (const [text, n] of phase.messageAcks) problems.push(`${run.name}: ${n} acks carried a body: "${text}"`);
      }
    }
    if (appOutput.lines > 0) {
      console.log(
        `\napp wrote ${appOutput.lines} log line(s) at warn or above; last ones:\n  ${appOutput.tail.join('\n  ')}`,
      );
    }
    if (profDir) console.log(`\nCPU profile of the app written to ${profDir}`);
  } finally {
    await stopAll(5000);
    await pg?.drop();
    await fake.stop();
    removeTempDir(dataDir);
  }

  if (problems.length > 0) {
    console.error(`\nERRORS:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
