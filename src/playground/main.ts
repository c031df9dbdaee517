import { ConfigError, loadPlaygroundConfig } from '../config.js';
import { startPlayground } from './startPlayground.js';

/**
 * `npm run playground`: the app behind a stand-in for Slack, and a page at
 * http://localhost:3000/playground to use it from. For trying the app; `npm start` never mounts it.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadPlaygroundConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  console.log('Starting the Decision Ledger playground (the first start sets up its database)…');
  const playground = await startPlayground(config);
  console.log(`\nDecision Ledger playground: ${playground.url}\n`);
  console.log(
    config.dataDir === null
      ? `Its decisions live in ${playground.dataDir}, deleted when you stop it (Ctrl+C); set DATA_DIR to keep them.`
      : `Its decisions live in ${playground.dataDir}.`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await playground.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('The playground failed to start:', error);
  process.exit(1);
});
