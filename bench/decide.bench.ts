/**
 * `npm run bench`: throughput and latency of a signed `/decide <text>` slash command over HTTP,
 * the real app (database write included) next to a bare Bolt app that only acks.
 *
 * - Each server runs in a child process of its own (`node --import tsx …`); this process holds the
 *   load generator and the loopback fake of Slack's Web API (test/support/fakeSlack.ts), keeping only
 *   call counts.
 * - Load: a closed loop of 16 workers over one keep-alive HTTP agent per target (same client for
 *   both), every request freshly signed with a unique trigger_id and distinct text. A warm-up phase
 *   (not measured) precedes a measured phase of fixed duration; bare runs first, then the app.
 * - Afterwards the app's ledger is checked: `/decide list #bench` must count every acked decision,
 *   and the PGlite data directory is opened once the app has stopped.
 *
 * Environment: BENCH_SECONDS (measured seconds per target, default 10), BENCH_WARMUP_SECONDS
 * (default 5), BENCH_CPU_PROF=<dir> (write a V8 CPU profile of the app there), BENCH_DATABASE_URL
 * (bench against that PostgreSQL server, in a database created and dropped for the run, instead of
 * the embedded PGlite).
 *
 * Exit status: 0 whether or not the targets are met; 1 on errors (non-200 responses, failed
 * requests, servers that do not start, a ledger that lost acked decisions).
 */
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { signedCommand } from './lib/slackBodies.js';
import { FakeSlack } from '../test/support/fakeSlack.js';
import { httpRequest } from './lib/http.js';
import type { SignedRequest } from '../test/support/slackRequests.js';
import { benchTarget, type PhaseResult } from './lib/phase.js';
import { createServerDatabase } from '../src/storage/scratchDatabase.js';
import { errorsOf, percentile, report, rps } from './lib/report.js';
import { makeTempDir, removeTempDir, secondsFromEnv, type Server, sleep, stopAll, stopChild } from './lib/servers.js';
import { startBareBolt, startRealApp, TEAM } from './lib/targets.js';

const CONCURRENCY = 16;
const MEASURED_SECONDS = secondsFromEnv('BENCH_SECONDS', 10);
// The app's first few hundred requests run cold (JIT, PGlite's WASM tier-up): 2 s under-reports it.
const WARMUP_SECONDS = secondsFromEnv('BENCH_WARMUP_SECONDS', 5, true);
const TARGET_RATIO = 0.8;
const TARGET_P99_MS = 25;

const CHANNEL = 'C0BENCH';
const TAG = 'bench';

let sequence = 0;

/** `/decide <text>` from the bench channel, freshly signed. */
function benchCommand(fake: FakeSlack, text: string): SignedRequest {
  return signedCommand({
    channel: CHANNEL,
    user: 'U0BENCH',
    text,
    responseUrl: fake.responseUrl(`bench-${sequence}`),
    triggerId: `trigger-${randomUUID()}`,
  });
}

/** The load: `/decide <text>` with a distinct decision each time. */
function nextDecision(fake: FakeSlack): () => SignedRequest {
  return () => {
    const i = ++sequence;
    return benchCommand(fake, `We adopt option ${i} because reason ${i} #${TAG}`);
  };
}

const load = { concurrency: CONCURRENCY, warmupSeconds: WARMUP_SECONDS, measuredSeconds: MEASURED_SECONDS };

// ───────────────────────────── the ledger check ─────────────────────────────

interface LedgerCheck {
  listed: number | null;
  listHeader: string;
  acked: number;
  holding: number;
  cardsPosted: number;
  db: { decisions: number; withCard: number; events: Record<string, number> } | null;
  dbError: string | null;
}

async function listCount(server: Server, fake: FakeSlack): Promise<{ count: number | null; header: string }> {
  const { body, headers } = benchCommand(fake, `list #${TAG}`);
  const agent = new Agent({ keepAlive: false });
  const res = await httpRequest(agent, `${server.url}/slack/events`, 'POST', body, headers);
  if (res.status !== 200) return { count: null, header: `HTTP ${res.status}: ${res.body.slice(0, 200)}` };
  try {
    const parsed = JSON.parse(res.body) as { text?: string; blocks?: { text?: { text?: string } }[] };
    const header = parsed.blocks?.[0]?.text?.text ?? parsed.text ?? '';
    const match = / of (\d+)\s*$/.exec(header);
    return { count: match ? Number(match[1]) : null, header };
  } catch {
    return { count: null, header: res.body.slice(0, 200) };
  }
}

async function inspectDataDir(dataDir: string): Promise<LedgerCheck['db']> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir);
  try {
    const totals = await db.query<{ decisions: number; with_card: number }>(
      `select count(*)::int as decisions, count(card_ts)::int as with_card from decisions where workspace_id = $1`,
      [TEAM],
    );
    const events = await db.query<{ action: string; n: number }>(
      `select action, count(*)::int as n from decision_events where workspace_id = $1 group by action order by action`,
      [TEAM],
    );
    return {
      decisions: totals.rows[0]!.decisions,
      withCard: totals.rows[0]!.with_card,
      events: Object.fromEntries(events.rows.map((r) => [r.action, r.n])),
    };
  } finally {
    await db.close();
  }
}

// ───────────────────────────── main ─────────────────────────────

async function main(): Promise<number> {
  console.log(
    `Decision Ledger /decide bench — node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}), ` +
      `${CONCURRENCY} concurrent, ${WARMUP_SECONDS} s warm-up + ${MEASURED_SECONDS} s measured per target`,
  );
  const fake = await new FakeSlack({ keep: 'counts' }).start();
  const dataDir = makeTempDir('decision-ledger-bench-');
  const profDir = process.env.BENCH_CPU_PROF;
  // BENCH_DATABASE_URL=postgres://…/db benches against that PostgreSQL server (a fresh database on it)
  // instead of the embedded PGlite.
  const server = process.env.BENCH_DATABASE_URL
    ? await createServerDatabase(process.env.BENCH_DATABASE_URL, 'decision_ledger_bench')
    : null;
  if (server) console.log(`  database: PostgreSQL (${server.name}, created for this run)`);

  let errors = 0;
  const problems: string[] = [];
  try {
    console.log('  starting the bare Bolt app and the real app…');
    const started = performance.now();
    const [bare, app] = await Promise.all([
      startBareBolt(fake, 'command'),
      startRealApp(fake, { dataDir, databaseUrl: server?.url ?? null, cpuProfDir: profDir }),
    ]);
    console.log(`  both ready (${((performance.now() - started) / 1000).toFixed(1)} s)`);

    const bareRun = await benchTarget(bare, load, nextDecision(fake));
    await stopChild(bare.child, 5000);

    const callsBefore = new Map(fake.counts);
    const appRun = await benchTarget(app, load, nextDecision(fake));
    const runs = [bareRun, appRun];
    report(runs);

    // Every request the app acked with 200 must be in the ledger.
    const appPhases = [appRun.warmup, appRun.measured].filter((p): p is PhaseResult => p !== null);
    const acked = appPhases.reduce((n, p) => n + p.emptyAcks, 0);
    const holding = appPhases.reduce(
      (n, p) =>
        n +
        [...p.messageAcks].filter(([text]) => text.startsWith('Saving your decision')).reduce((a, [, c]) => a + c, 0),
      0,
    );
    const expected = acked + holding;
    // Cards go out after the ack; give the backlog a moment to drain.
    const drainStart = performance.now();
    while (fake.count('chat.postMessage') < expected && performance.now() - drainStart < 15_000) await sleep(100);
    const drainMs = performance.now() - drainStart;
    const list = await listCount(app, fake);
    const appCalls = [...fake.counts]
      .map(([method, n]) => [method, n - (callsBefore.get(method) ?? 0)] as const)
      .filter(([, n]) => n > 0);

    const appOutput = app.output;
    await stopChild(app.child, 15_000);
    let db: LedgerCheck['db'] = null;
    let dbError: string | null = null;
    try {
      db = server ? null : await inspectDataDir(dataDir);
      if (server) dbError = 'PostgreSQL run: see the /decide list count above';
    } catch (error) {
      dbError = String(error);
    }

    // ── verdict
    const ratio = rps(appRun.measured) / rps(bareRun.measured);
    const appP99 = percentile(appRun.measured.latencies, 99);
    console.log(
      `\nratio app/bare throughput: ${ratio.toFixed(3)}   (target ≥ ${TARGET_RATIO})   ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`,
    );
    console.log(
      `app p99 latency:           ${appP99.toFixed(2)} ms   (target < ${TARGET_P99_MS} ms)   ${appP99 < TARGET_P99_MS ? 'PASS' : 'FAIL'}`,
    );
    console.log(`overall:                   ${ratio >= TARGET_RATIO && appP99 < TARGET_P99_MS ? 'PASS' : 'FAIL'}`);

    console.log('\nledger check (app, warm-up + measured):');
    console.log(
      `  decisions acked with 200: ${acked}${holding > 0 ? ` (+ ${holding} acked with the "database is slow" holding message)` : ''}`,
    );
    console.log(`  /decide list #${TAG} says:  ${list.header.replace(/\n/g, ' ')}`);
    if (db) {
      console.log(
        `  PGlite after shutdown:    ${db.decisions} decisions, ${db.withCard} with a posted card; events ${JSON.stringify(db.events)}`,
      );
    } else {
      console.log(`  database after shutdown:  not inspected (${dbError})`);
    }
    console.log(
      `  fake Slack calls during the app run: ${appCalls.map(([m, n]) => `${m} ${n}`).join(', ')}` +
        ` (cards caught up ${drainMs < 50 ? 'at once' : `after ${(drainMs / 1000).toFixed(1)} s`})`,
    );
    if (list.count === null) problems.push(`could not read the count from /decide list: ${list.header}`);
    else if (list.count < acked || list.count > expected)
      problems.push(`/decide list counts ${list.count}, expected ${expected} (${acked} acked)`);
    if (db && (db.decisions < acked || db.decisions > expected))
      problems.push(`the database holds ${db.decisions} decisions, expected ${expected}`);
    if (db && db.withCard < db.decisions)
      console.log(
        `  note: ${db.decisions - db.withCard} decisions have no card recorded (still being posted when the app stopped?)`,
      );
    console.log(`  ${problems.length === 0 ? 'OK: every acked decision was recorded' : 'MISMATCH'}`);

    for (const run of runs) {
      for (const phase of [run.warmup, run.measured]) {
        if (!phase) continue;
        const bad = errorsOf(phase);
        if (bad > 0) {
          errors += bad;
          problems.push(
            `${run.name}: ${bad} failed requests (${[...phase.badStatus].map(([s, n]) => `HTTP ${s}×${n}`).join(', ') || 'network'}); first: ${phase.firstFailure}`,
          );
        }
        for (const [text, n] of phase.messageAcks) {
          if (!text.startsWith('Saving your decision'))
            problems.push(`${run.name}: ${n} acks carried a message instead of recording: "${text}"`);
          else
            console.log(
              `  note: ${run.name}: ${n} acks were the "database is slow" holding message (write took > 2 s)`,
            );
        }
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
    await server?.drop();
    await fake.stop();
    removeTempDir(dataDir);
  }

  if (problems.length > 0) {
    console.error(`\nERRORS:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
