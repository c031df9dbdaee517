import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WAIT_MS } from './patience.js';
import { slashCommandForm } from './slackRequestBodies.js';
import { signedPost } from './slackRequests.js';

const ROOT = new URL('../..', import.meta.url).pathname;

/** `npm start` as an operator runs it, listening on a free port, once /healthz answers. */
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

/** Starts the app in a process of its own, configured only by `env`; waits until it is healthy. */
export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    child.kill('SIGTERM');
    return exited;
  };
  const started = { child, url, output: () => output, exited, stop };
  for (const deadline = Date.now() + WAIT_MS; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the app did not become healthy:\n${output}`);
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
