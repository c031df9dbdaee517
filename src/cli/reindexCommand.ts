import { reindexDecisions } from '../app/relitigation/indexDecisions.js';
import { loadDetector } from '../detector/loadDetector.js';
import { createRelitigationIndex } from '../storage/relitigationIndex.js';
import { openCommandDatabase } from './openCommandDatabase.js';
import { parseCommandArgs } from './parseCommandArgs.js';
import { type ProgressCounter, progressCounter } from './progressCounter.js';

export const REINDEX_USAGE = `reindex

  Builds the relitigation detector's index rows (models/relitigation-detector.json's version) for
  every decision without one, in every workspace of the database the app uses (DATABASE_URL, or
  the embedded one in DATA_DIR; stop the app first when it is the embedded one). Run it after
  deploying a new model; the app says at start-up when it is due. Safe to run again or to stop.
  Progress goes to stderr; the last line is JSON.`;

export async function reindexCommand(args: string[]): Promise<number> {
  parseCommandArgs(args, {});
  const database = await openCommandDatabase();
  // Made once the total is known, at the first batch.
  let counter: ProgressCounter | undefined;
  try {
    const detector = loadDetector();
    const services = { relitigation: createRelitigationIndex(database.db), detector };
    const indexed = await reindexDecisions(services, (done, total) => {
      counter ??= progressCounter({ doing: 'indexing', total, unit: 'decisions' });
      counter.update(done);
    });
    counter?.end();
    console.log(JSON.stringify({ modelVersion: detector.model.version, indexed }));
    return 0;
  } finally {
    counter?.end();
    await database.close();
  }
}
