import { parseArgs } from 'node:util';
import { reindexDecisions } from '../app/relitigation/indexDecisions.js';
import { loadDatabaseConfig } from '../config.js';
import { loadDetector } from '../detector/loadDetector.js';
import { openDatabase } from '../storage/database.js';
import { createRelitigationIndex } from '../storage/relitigationIndex.js';

export const REINDEX_USAGE = `reindex

  Builds the relitigation detector's index rows (models/relitigation-detector.json's version) for
  every decision without one, in every workspace of the database the app uses (DATABASE_URL, or
  the embedded one in DATA_DIR; stop the app first when it is the embedded one). Run it after
  deploying a new model; the app says at start-up when it is due. Safe to run again or to stop.`;

export async function reindexCommand(args: string[]): Promise<number> {
  parseArgs({ args, options: {} });
  const database = await openDatabase(loadDatabaseConfig());
  try {
    await database.migrate();
    const detector = loadDetector();
    const services = { relitigation: createRelitigationIndex(database.db), detector };
    const indexed = await reindexDecisions(services, (done, total) => console.error(`reindex: ${done} of ${total}`));
    console.log(JSON.stringify({ modelVersion: detector.model.version, indexed }));
    return 0;
  } finally {
    await database.close();
  }
}
