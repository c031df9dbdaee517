/**
 * `npm run bench`: throughput and latency of a signed `/decide <text>` slash command over HTTP,
 * the real app (database write included) next to a bare Bolt app that only acks.
 *
 * - Each server runs in a child process of its own (`node --import tsx …`); this process holds the
 *   load generator and a lean loopback fake of Slack's Web API (bench/leanFakeSlack.ts).
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
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { formBody, slackSignature } from '../test/support/slackRequests.js';
import { LeanFakeSlack } from './leanFakeSlack.js';
import type { ProbeReading } from './serverProbe.js';

const CONCURRENCY = 16;
const MEASURED_SECONDS = positiveNumber('BENCH_SECONDS', 10);
// The app's first few hundred requests run cold (JIT, PGlite's WASM tier-up): 2 s under-reports it.
const WARMUP_SECONDS = positiveNumber('BENCH_WARMUP_SECONDS', 5, true);
const TARGET_RATIO = 0.8;
const TARGET_P99_MS = 25;

const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
const TEAM = 'T0001';
const CHANNEL = 'C0BENCH';
const TAG = 'bench';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

// ───────────────────────────── children and clean-up ─────────────────────────────

interface Server {
  name: string;
  child: ChildProcess;
  url: string;
  /** Output lines (pino JSON at warn and above for the app), the last few kept. */
  output: { lines: number; tail: string[] };
  exited: Promise<number | null>;
}

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

process.on('exit', () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the servers under test`);
    void Promise.allSettled([...children].map((child) => stopChild(child, 3000))).finally(() => process.exit(130));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  // Nothing from the caller's shell may switch the app to Socket Mode, PostgreSQL or a real LLM.
  for (const key of Object.keys(env)) {
    if (/^(SLACK_|OPENAI_|DATABASE_URL$|DATA_DIR$|PORT$|LOG_LEVEL$|BENCH_)/.test(key)) delete env[key];
  }
  return { ...env, ...extra };
}

async function startServer(name: string, script: string, env: Record<string, string>, port: number, nodeFlags: string[] = []): Promise<Server> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', '--import', './bench/serverProbe.ts', script], {
    cwd: ROOT,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.add(child);
  const output = { lines: 0, tail: [] as string[] };
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      output.lines += 1;
      output.tail.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
      if (output.tail.length > 8) output.tail.shift();
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  const server: Server = { name, child, url: `http://127.0.0.1:${port}`, output, exited };

  const deadline = Date.now() + 60_000;
  let stillStarting = true;
  void exited.then(() => (stillStarting = false));
  while (Date.now() < deadline) {
    if (!stillStarting) throw new Error(`${name} exited during start-up (code ${child.exitCode}):\n${output.tail.join('\n')}`);
    try {
      const res = await httpRequest(new Agent({ keepAlive: false }), `${server.url}/healthz`, 'GET', '', {});
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${name} did not answer /healthz with 200 within 60 s:\n${output.tail.join('\n')}`);
}

async function stopChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

function probe(server: Server, action: 'reset'): Promise<void>;
function probe(server: Server, action: 'read'): Promise<ProbeReading | null>;
function probe(server: Server, action: 'reset' | 'read'): Promise<ProbeReading | null | void> {
  const { child } = server;
  if (!child.connected) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      resolve(null);
    }, 2000);
    const onMessage = (message: { probe?: string }) => {
      const expected = action === 'reset' ? 'reset' : 'reading';
      if (message?.probe !== expected) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(action === 'read' ? (message as ProbeReading) : undefined);
    };
    child.on('message', onMessage);
    child.send({ probe: action });
  });
}

// ───────────────────────────── load generation ─────────────────────────────

interface HttpResult {
  status: number;
  body: string;
}

function httpRequest(agent: Agent, url: string, method: string, body: string, headers: Record<string, string>): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('request timed out after 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

let sequence = 0;

/** A slash command exactly as Slack posts it (fields as in test/support/testApp.ts), freshly signed. */
function signedCommand(fake: LeanFakeSlack, text: string): { body: string; headers: Record<string, string> } {
  const body = formBody({
    token: 'deprecated-verification-token',
    team_id: TEAM,
    team_domain: 'acme',
    channel_id: CHANNEL,
    channel_name: 'bench',
    user_id: 'U0BENCH',
    user_name: 'bench',
    command: '/decide',
    text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: fake.responseUrl(`bench-${sequence}`),
    trigger_id: `trigger-${randomUUID()}`,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      // Exactly this content-type: Bolt refuses "…; charset=UTF-8" form posts.
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
    },
  };
}

interface PhaseResult {
  completed: number;
  elapsedMs: number;
  latencies: Float64Array;
  /** Non-200 responses, by status. */
  badStatus: Map<number, number>;
  failures: number;
  firstFailure: string | null;
  /** 200 responses with an empty body: the plain ack (for the app: decision saved before the ack). */
  emptyAcks: number;
  /** 200 responses whose body carried a message (holding message, error text…), by message. */
  messageAcks: Map<string, number>;
  perSecond: number[];
  benchCpuMs: number;
  /** Whole machine, from /proc/stat: cores busy on average during the phase (null where unavailable). */
  machineBusyCores: number | null;
}

/** Busy and total jiffies of all CPUs together (Linux); null elsewhere. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields as [number, number, number, number, number, number, number, number];
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

async function runPhase(server: Server, fake: LeanFakeSlack, agent: Agent, seconds: number): Promise<PhaseResult> {
  const latencies: number[] = [];
  const badStatus = new Map<number, number>();
  const messageAcks = new Map<string, number>();
  const perSecond: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  let emptyAcks = 0;
  const url = `${server.url}/slack/events`;
  const cpu0 = process.cpuUsage();
  const ticks0 = machineTicks();
  const start = performance.now();
  const deadline = start + seconds * 1000;

  const worker = async () => {
    while (performance.now() < deadline && !interrupted) {
      const i = ++sequence;
      const { body, headers } = signedCommand(fake, `We adopt option ${i} because reason ${i} #${TAG}`);
      const t0 = performance.now();
      try {
        const res = await httpRequest(agent, url, 'POST', body, headers);
        const t1 = performance.now();
        latencies.push(t1 - t0);
        const second = Math.floor((t1 - start) / 1000);
        perSecond[second] = (perSecond[second] ?? 0) + 1;
        if (res.status !== 200) {
          badStatus.set(res.status, (badStatus.get(res.status) ?? 0) + 1);
          firstFailure ??= `HTTP ${res.status}: ${res.body.slice(0, 200)}`;
        } else if (res.body === '') {
          emptyAcks += 1;
        } else {
          const key = ackText(res.body);
          messageAcks.set(key, (messageAcks.get(key) ?? 0) + 1);
        }
      } catch (error) {
        failures += 1;
        firstFailure ??= String(error);
        await sleep(10);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsedMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const ticks1 = machineTicks();
  const cores = cpus().length;
  const machineBusyCores =
    ticks0 && ticks1 && ticks1.total > ticks0.total ? ((ticks1.busy - ticks0.busy) / (ticks1.total - ticks0.total)) * cores : null;
  return {
    completed: latencies.length,
    elapsedMs,
    latencies: Float64Array.from(latencies).sort(),
    badStatus,
    failures,
    firstFailure,
    emptyAcks,
    messageAcks,
    perSecond: perSecond.map((n) => n ?? 0).slice(0, Math.ceil(seconds)),
    benchCpuMs: (cpu.user + cpu.system) / 1000,
    machineBusyCores,
  };
}

function ackText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { text?: string };
    return (parsed.text ?? body).slice(0, 120);
  } catch {
    return body.slice(0, 120);
  }
}

interface TargetRun {
  name: string;
  warmup: PhaseResult | null;
  measured: PhaseResult;
  probe: ProbeReading | null;
}

async function benchTarget(server: Server, fake: LeanFakeSlack): Promise<TargetRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    process.stdout.write(`  ${server.name}: warm-up ${WARMUP_SECONDS} s… `);
    const warmup = WARMUP_SECONDS > 0 ? await runPhase(server, fake, agent, WARMUP_SECONDS) : null;
    await probe(server, 'reset');
    process.stdout.write(`measuring ${MEASURED_SECONDS} s… `);
    const measured = await runPhase(server, fake, agent, MEASURED_SECONDS);
    const reading = await probe(server, 'read');
    process.stdout.write(`${measured.completed} requests\n`);
    return { name: server.name, warmup, measured, probe: reading };
  } finally {
    agent.destroy();
  }
}

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

async function listCount(server: Server, fake: LeanFakeSlack): Promise<{ count: number | null; header: string }> {
  const { body, headers } = signedCommand(fake, `list #${TAG}`);
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

// ───────────────────────────── reporting ─────────────────────────────

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

const rps = (phase: PhaseResult) => phase.completed / (phase.elapsedMs / 1000);
const errorsOf = (phase: PhaseResult) => phase.failures + [...phase.badStatus.values()].reduce((a, b) => a + b, 0);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row, r) => {
      const line = row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
      return r === 0 ? `${line}\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

function report(runs: TargetRun[]): void {
  const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
  const rows = [['target', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'server CPU', 'CPU ms/req', 'loop busy', 'loop lag p99', 'bench CPU', 'other load']];
  for (const run of runs) {
    const m = run.measured;
    const p = run.probe;
    rows.push([
      run.name,
      String(m.completed),
      String(errorsOf(m)),
      f(rps(m), 0),
      f(percentile(m.latencies, 50), 2),
      f(percentile(m.latencies, 99), 2),
      f(m.latencies[m.latencies.length - 1] ?? Number.NaN, 2),
      p ? `${f((p.cpuMs / p.wallMs) * 100, 0)}%` : '—',
      p ? f(p.cpuMs / Math.max(1, m.completed), 3) : '—',
      p ? `${f(p.elu * 100, 0)}%` : '—',
      p ? `${f(p.lagP99Ms, 1)} ms` : '—',
      `${f((m.benchCpuMs / m.elapsedMs) * 100, 0)}%`,
      m.machineBusyCores !== null && p
        ? `${f(Math.max(0, m.machineBusyCores * 100 - (p.cpuMs / p.wallMs) * 100 - (m.benchCpuMs / m.elapsedMs) * 100), 0)}%`
        : '—',
    ]);
  }
  console.log(`\n${table(rows)}`);
  console.log(
    '\n  server CPU / loop busy / loop lag: the server process during the measured phase (100% = one core);' +
      '\n  bench CPU: this process (load generator + fake Slack Web API), which shares the machine;' +
      `\n  other load: CPU used on this ${cpus().length}-CPU machine by anything else (e.g. a test run) — high values make the numbers noisy.`,
  );
  for (const run of runs) {
    console.log(`  ${run.name} req/s per second: ${run.measured.perSecond.join(' ')}`);
  }
}

// ───────────────────────────── main ─────────────────────────────

async function main(): Promise<number> {
  console.log(
    `Decision Ledger /decide bench — node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'}), ` +
      `${CONCURRENCY} concurrent, ${WARMUP_SECONDS} s warm-up + ${MEASURED_SECONDS} s measured per target`,
  );
  const fake = await new LeanFakeSlack().start();
  const dataDir = mkdtempSync(join(tmpdir(), 'decision-ledger-bench-'));
  tempDirs.add(dataDir);
  const profDir = process.env.BENCH_CPU_PROF;
  // BENCH_DATABASE_URL=postgres://…/db benches against that PostgreSQL server (a fresh database on it)
  // instead of the embedded PGlite.
  const server = process.env.BENCH_DATABASE_URL ? await createBenchDatabase(process.env.BENCH_DATABASE_URL) : null;
  if (server) console.log(`  database: PostgreSQL (${server.name}, created for this run)`);

  let errors = 0;
  const problems: string[] = [];
  try {
    const [barePort, appPort] = [await freePort(), await freePort()];
    console.log('  starting the bare Bolt app and the real app…');
    const started = performance.now();
    const [bare, app] = await Promise.all([
      startServer('bare', 'bench/bareBoltApp.ts', { BENCH_SIGNING_SECRET: SIGNING_SECRET, BENCH_SLACK_API_URL: fake.apiUrl, BENCH_PORT: String(barePort) }, barePort),
      startServer(
        'app',
        'src/main.ts',
        {
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_BOT_TOKEN: 'xoxb-bench-token',
          SLACK_API_URL: fake.apiUrl,
          SLACK_API_MAX_RETRIES: '0',
          SLACK_API_TIMEOUT_MS: '5000',
          PORT: String(appPort),
          DATA_DIR: dataDir,
          ...(server ? { DATABASE_URL: server.url } : {}),
          LOG_LEVEL: 'warn',
        },
        appPort,
        profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
      ),
    ]);
    console.log(`  both answer /healthz (${((performance.now() - started) / 1000).toFixed(1)} s)`);

    const bareRun = await benchTarget(bare, fake);
    await stopChild(bare.child, 5000);

    const callsBefore = new Map(fake.counts);
    const appRun = await benchTarget(app, fake);
    const runs = [bareRun, appRun];
    report(runs);

    // Every request the app acked with 200 must be in the ledger.
    const appPhases = [appRun.warmup, appRun.measured].filter((p): p is PhaseResult => p !== null);
    const acked = appPhases.reduce((n, p) => n + p.emptyAcks, 0);
    const holding = appPhases.reduce((n, p) => n + [...p.messageAcks].filter(([text]) => text.startsWith('Saving your decision')).reduce((a, [, c]) => a + c, 0), 0);
    const expected = acked + holding;
    // Cards go out after the ack; give the backlog a moment to drain.
    const drainStart = performance.now();
    while (fake.count('chat.postMessage') < expected && performance.now() - drainStart < 15_000) await sleep(100);
    const drainMs = performance.now() - drainStart;
    const list = await listCount(app, fake);
    const appCalls = [...fake.counts].map(([method, n]) => [method, n - (callsBefore.get(method) ?? 0)] as const).filter(([, n]) => n > 0);

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
    console.log(`\nratio app/bare throughput: ${ratio.toFixed(3)}   (target ≥ ${TARGET_RATIO})   ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`);
    console.log(`app p99 latency:           ${appP99.toFixed(2)} ms   (target < ${TARGET_P99_MS} ms)   ${appP99 < TARGET_P99_MS ? 'PASS' : 'FAIL'}`);
    console.log(`overall:                   ${ratio >= TARGET_RATIO && appP99 < TARGET_P99_MS ? 'PASS' : 'FAIL'}`);

    console.log('\nledger check (app, warm-up + measured):');
    console.log(`  decisions acked with 200: ${acked}${holding > 0 ? ` (+ ${holding} acked with the "database is slow" holding message)` : ''}`);
    console.log(`  /decide list #${TAG} says:  ${list.header.replace(/\n/g, ' ')}`);
    if (db) {
      console.log(`  PGlite after shutdown:    ${db.decisions} decisions, ${db.withCard} with a posted card; events ${JSON.stringify(db.events)}`);
    } else {
      console.log(`  database after shutdown:  not inspected (${dbError})`);
    }
    console.log(
      `  fake Slack calls during the app run: ${appCalls.map(([m, n]) => `${m} ${n}`).join(', ')}` +
        ` (cards caught up ${drainMs < 50 ? 'at once' : `after ${(drainMs / 1000).toFixed(1)} s`})`,
    );
    if (list.count === null) problems.push(`could not read the count from /decide list: ${list.header}`);
    else if (list.count < acked || list.count > expected) problems.push(`/decide list counts ${list.count}, expected ${expected} (${acked} acked)`);
    if (db && (db.decisions < acked || db.decisions > expected)) problems.push(`the database holds ${db.decisions} decisions, expected ${expected}`);
    if (db && db.withCard < db.decisions) console.log(`  note: ${db.decisions - db.withCard} decisions have no card recorded (still being posted when the app stopped?)`);
    console.log(`  ${problems.length === 0 ? 'OK: every acked decision was recorded' : 'MISMATCH'}`);

    for (const run of runs) {
      for (const phase of [run.warmup, run.measured]) {
        if (!phase) continue;
        const bad = errorsOf(phase);
        if (bad > 0) {
          errors += bad;
          problems.push(`${run.name}: ${bad} failed requests (${[...phase.badStatus].map(([s, n]) => `HTTP ${s}×${n}`).join(', ') || 'network'}); first: ${phase.firstFailure}`);
        }
        for (const [text, n] of phase.messageAcks) {
          if (!text.startsWith('Saving your decision')) problems.push(`${run.name}: ${n} acks carried a message instead of recording: "${text}"`);
          else console.log(`  note: ${run.name}: ${n} acks were the "database is slow" holding message (write took > 2 s)`);
        }
      }
    }
    if (appOutput.lines > 0) {
      console.log(`\napp wrote ${appOutput.lines} log line(s) at warn or above; last ones:\n  ${appOutput.tail.join('\n  ')}`);
    }
    if (profDir) console.log(`\nCPU profile of the app written to ${profDir}`);
  } finally {
    await Promise.allSettled([...children].map((child) => stopChild(child, 5000)));
    await server?.drop();
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
    tempDirs.delete(dataDir);
  }

  if (problems.length > 0) {
    console.error(`\nERRORS:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
}

function positiveNumber(name: string, fallback: number, allowZero = false): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    console.error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number of seconds; got "${raw}"`);
    process.exit(2);
  }
  return value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);

/** A database of its own on the given server for one bench run, dropped afterwards. */
async function createBenchDatabase(serverUrl: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const { default: postgres } = await import('postgres');
  const name = `decision_ledger_bench_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
