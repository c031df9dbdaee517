/**
 * The servers under test, each a child process of its own (`node …`, no loader: the app from dist/
 * as `npm start` runs it) with the probe (serverProbe.mjs) preloaded: start on a free port and wait until ready, stop, read the probe.
 * Importing this module installs the clean-up: children are killed and temporary directories
 * removed when the bench exits, and SIGINT/SIGTERM stop the servers before exiting.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { httpRequest } from './http.js';
import type { ProbeReading } from './probeReading.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Server {
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
    void stopAll(3000).finally(() => process.exit(130));
  });
}

/** True once SIGINT or SIGTERM arrived: load loops stop early. */
export function isInterrupted(): boolean {
  return interrupted;
}

/** A temporary directory removed when the bench exits (or earlier, by `removeTempDir`). */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

export async function freePort(): Promise<number> {
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

/**
 * Starts `node <command…>` (a script relative to the project root, and its arguments) and resolves
 * once it answers GET `readyPath` with 200: /readyz for the app, which listens (/healthz) before
 * its database is open and migrated.
 */
export async function startServer(
  name: string,
  command: string[],
  env: Record<string, string>,
  port: number,
  nodeFlags: string[] = [],
  readyPath: '/healthz' | '/readyz' = '/healthz',
): Promise<Server> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', './bench/lib/serverProbe.mjs', ...command], {
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
    if (!stillStarting)
      throw new Error(`${name} exited during start-up (code ${child.exitCode}):\n${output.tail.join('\n')}`);
    try {
      const res = await httpRequest(new Agent({ keepAlive: false }), `${server.url}${readyPath}`, 'GET', '', {});
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${name} did not answer ${readyPath} with 200 within 60 s:\n${output.tail.join('\n')}`);
}

/** SIGTERM, then SIGKILL if the child has not exited after `timeoutMs`. */
export async function stopChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** Stops every server still running. */
export async function stopAll(timeoutMs: number): Promise<void> {
  await Promise.allSettled([...children].map((child) => stopChild(child, timeoutMs)));
}

/**
 * Resets the server's probe, or reads it (null when the server does not answer within `timeoutMs`:
 * the answer needs a turn of its event loop, which a long synchronous task can hold).
 */
export function probe(server: Server, action: 'reset', timeoutMs?: number): Promise<undefined>;
export function probe(server: Server, action: 'read', timeoutMs?: number): Promise<ProbeReading | null>;
export function probe(
  server: Server,
  action: 'reset' | 'read',
  timeoutMs = 2000,
): Promise<ProbeReading | null | undefined> {
  const { child } = server;
  if (!child.connected) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      resolve(null);
    }, timeoutMs);
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

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A duration from the environment in seconds, or the fallback; exits with status 2 on nonsense. */
export function secondsFromEnv(name: string, fallback: number, allowZero = false): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    console.error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number of seconds; got "${raw}"`);
    process.exit(2);
  }
  return value;
}

/** A positive number (whole when `whole`) from the environment, or the fallback; exits with status 2 on nonsense. */
export function positiveFromEnv(name: string, fallback: number, whole: boolean): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
    console.error(`${name} must be a positive ${whole ? 'whole number' : 'number'}; got "${raw}"`);
    process.exit(2);
  }
  return value;
}
