import { ConfigError, loadConfig } from './config.js';
import { type AppServer, createAppServer } from './http/appServer.js';
import { operationsRoutes } from './http/operationsRoutes.js';
import { createLogger, errorForLog, httpErrorLogger, type Logger } from './logger.js';
import { createMetrics } from './metrics/metrics.js';
import type { RunningApp } from './startApp.js';
import type { Database } from './storage/database.js';

/**
 * Start-up failures whose message says what to do (another process on the data folder, a token
 * Slack refused, a migration lock held too long): logged as they are, exit 1, no stack.
 */
const SAID_AND_STOPPED = new Set(['DataFolderInUseError', 'StartupError', 'MigrationLockTimeoutError']);

/** How long a server that never finished starting waits for requests in flight when told to stop. */
const STARTING_DRAIN_MS = 1000;

/** What has been started so far, so that a stop at any moment closes exactly that. */
const started: {
  logger?: Logger;
  server?: AppServer;
  database?: Database;
  app?: RunningApp;
  /** PostgreSQL rolls back a migration whose connection ends: start-up may stop mid-step there. */
  stopsMidStep?: boolean;
} = {};
let stopRequested: string | null = null;

/**
 * Composition root. Signals are handled from the first line; the server listens before anything
 * slow (/healthz 200, /readyz 503 "starting", Slack asked to retry), then the database opens and
 * migrates, then the Slack app takes the server over and /readyz turns 200. SIGTERM drains and
 * closes whatever was started.
 */
async function main(): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => onSignal(signal));

  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  started.logger = logger;
  started.stopsMidStep = config.database.kind === 'postgres';
  const metrics = createMetrics();

  const server = createAppServer({
    routes: operationsRoutes({ database: null, metrics, isDraining: () => false, metricsToken: config.metricsToken }),
    // Slack retries an event answered 503; a command typed during these seconds says it failed.
    fallback: (_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '2' }).end('{"error":"starting"}');
    },
    metrics,
    onError: httpErrorLogger(logger),
  });
  started.server = server;
  const port = await server.listen(config.slack.port);
  logger.info({ port }, 'listening; opening the database');
  if (stopRequested) return stop();

  // Loaded once listening, as they take a second or more and /healthz answers meanwhile: the
  // database driver first, then the app's modules (Bolt, the detector) while the database opens.
  const { openDatabase } = await import('./storage/database.js');
  try {
    const opening = openDatabase(config.database, { metrics });
    const appModule = import('./startApp.js');
    // Awaited below; if the database fails first, a failure here must not also go unhandled.
    appModule.catch(() => undefined);
    started.database = await opening;
    if (stopRequested) return stop();
    await started.database.migrate();
    if (stopRequested) return stop();
    const { startApp } = await appModule;
    started.app = await startApp({ config, database: started.database, logger, metrics, listening: { server, port } });
  } catch (error) {
    if (error instanceof Error && SAID_AND_STOPPED.has(error.name)) {
      logger.fatal(error.message);
      await closeStarted();
      process.exit(1);
    }
    throw error;
  }
  if (stopRequested) return stop();
}

function onSignal(signal: string): void {
  if (stopRequested) {
    // Asked twice: the operator wants it gone now.
    if (!started.app) process.exit(130);
    return;
  }
  stopRequested = signal;
  const now = Boolean(started.app || started.stopsMidStep);
  started.logger?.info({ signal }, now ? 'shutting down' : 'stopping once the current start-up step ends');
  // Mid start-up on the embedded database, main() stops after the step under way: PGlite cut off
  // mid-migration is a crash to recover from. A server rolls back what a gone connection began.
  if (now) void stop();
}

async function stop(): Promise<void> {
  try {
    await closeStarted();
    process.exit(0);
  } catch (error) {
    started.logger?.error({ err: errorForLog(error) }, 'unclean shutdown');
    process.exit(1);
  }
}

async function closeStarted(): Promise<void> {
  if (started.app) await started.app.stop();
  else await started.server?.drain(STARTING_DRAIN_MS);
  await started.database?.close();
}

main().catch((error: unknown) => {
  console.error('Decision Ledger failed to start:', error);
  process.exit(1);
});
