import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WAIT_MS } from './patience.js';
import { slashCommandForm } from './slackRequestBodies.js';
import { signedPost } from './slackRequests.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/** `npm start` as an operator runs it (scripts/run.mjs, from dist/), on a free port. */
export interface AppProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
  /** Sends SIGTERM and resolves the exit code. */
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Spawns the app configured only by `env` (PORT included, when given), without waiting for it. */
export function spawnAppProcess(env: Record<string, string>): Omit<AppProcess, 'url'> {
  const child = spawn(process.execPath, ['scripts/run.mjs', 'main'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = () => {
    child.kill('SIGTERM');
    return exited;
  };
  return { child, output: () => output, exited, stop };
}

/**
 * Starts the app in a process of its own and waits until `path` answers 200: /readyz once it
 * serves Slack (the default), /healthz once it listens (before its database is open and migrated).
 */
export async function startAppProcess(
  env: Record<string, string>,
  path: '/readyz' | '/healthz' = '/readyz',
): Promise<AppProcess> {
  const port = await freePort();
  const spawned = spawnAppProcess({ ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + WAIT_MS; Date.now() < deadline; ) {
    if (spawned.child.exitCode !== null) throw new Error(`the app exited early:\n${spawned.output()}`);
    try {
      if ((await fetch(`${url}${path}`)).status === 200) return { ...spawned, url };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  spawned.child.kill('SIGKILL');
  throw new Error(`the app did not answer ${path}:\n${spawned.output()}`);
}

/** `/decide <text>` in a channel, signed with `secret`, as Slack sends it. */
export function slashCommand(
  url: string,
  secret: string,
  request: { team: string; channel: string; text: string; responseUrl: string },
) {
  const body = slashCommandForm({ ...request, user: 'U0ANA', triggerId: `trigger-${Math.random()}` });
  return signedPost(`${url}/slack/events`, secret, body, 'application/x-www-form-urlencoded');
}
