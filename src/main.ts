import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics/metrics.js';
import { StartupError, startApp } from './startApp.js';
import { openDatabase } from './storage/database.js';
import { DataFolderInUseError } from './storage/embedded/dataFolderLock.js';
import { errorForLog } from './logger.js';

/** Composition root: config → database + migrations → Slack app → serve; SIGTERM drains and closes. */
async function main(): Promise<void> {
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
  const metrics = createMetrics();
  let database;
  try {
    database = await openDatabase(config.database, { metrics });
  } catch (error) {
    if (error instanceof DataFolderInUseError) {
      logger.fatal(error.message);
      process.exit(1);
    }
    throw error;
  }
  await database.migrate();
  let app;
  try {
    app = await startApp({ config, database, logger, metrics });
  } catch (error) {
    await database.close();
    if (error instanceof StartupError) {
      logger.fatal(error.message);
      process.exit(1);
    }
    throw error;
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await app.stop();
      await database.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Decision Ledger failed to start:', error);
  process.exit(1);
});
