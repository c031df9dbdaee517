/** The two servers every bench compares: the real app and a bare Bolt app, against the same fake Slack. */
import type { FakeSlack } from '../../test/support/fakeSlack.js';
import { freePort, type Server, startServer } from './servers.js';

export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const TEAM = 'T0001';

/** bench/bareBoltApp.mjs with a do-nothing listener for `/decide` (acks) or for `message` events. */
export async function startBareBolt(fake: FakeSlack, listener: 'command' | 'message'): Promise<Server> {
  const port = await freePort();
  return startServer(
    'bare',
    ['bench/bareBoltApp.mjs'],
    {
      BENCH_SIGNING_SECRET: SIGNING_SECRET,
      BENCH_SLACK_API_URL: fake.apiUrl,
      BENCH_PORT: String(port),
      BENCH_LISTENER: listener,
    },
    port,
  );
}

export interface AppOptions {
  /** PGlite's data directory (used when `databaseUrl` is null). */
  dataDir: string;
  /** A PostgreSQL database instead of PGlite. */
  databaseUrl: string | null;
  /** Write a V8 CPU profile of the app into this directory. */
  cpuProfDir?: string;
}

/** The real app as `npm start` runs it (compiled, from dist/) in HTTP mode, logging at warn and above, with no Web API retries. */
export async function startRealApp(fake: FakeSlack, options: AppOptions): Promise<Server> {
  const port = await freePort();
  return startServer(
    'app',
    ['scripts/run.mjs', 'main'],
    {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_API_URL: fake.apiUrl,
      SLACK_API_MAX_RETRIES: '0',
      SLACK_API_TIMEOUT_MS: '5000',
      PORT: String(port),
      DATA_DIR: options.dataDir,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      LOG_LEVEL: 'warn',
    },
    port,
    [
      ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []),
      // Node flags for the app alone (BENCH_APP_NODE_FLAGS="--max-semi-space-size=4"), to try V8 settings.
      ...(process.env.BENCH_APP_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
    ],
    '/readyz',
  );
}
