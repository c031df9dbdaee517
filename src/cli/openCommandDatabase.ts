import { type Config, loadDatabaseConfig } from '../config.js';
import { type Database, openDatabase } from '../storage/database.js';

/** Past this long without a word, the operator is told what the command is waiting for. */
const QUIET_MS = 2_000;

/**
 * The app's database, migrated, for a command. Opening it can take long (the embedded one is
 * created on first use, in many seconds; a server may be far), so past a couple of seconds stderr
 * says what is going on.
 */
export async function openCommandDatabase(config: Config['database'] = loadDatabaseConfig()): Promise<Database> {
  const what =
    config.kind === 'pglite'
      ? `opening the embedded database in ${config.dataDir} (the first time, it is created: that takes a while)`
      : 'opening the database of DATABASE_URL';
  const notice = setTimeout(() => process.stderr.write(`${what}\n`), QUIET_MS);
  try {
    const database = await openDatabase(config);
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  } finally {
    clearTimeout(notice);
  }
}
