import { reindexDecisions } from '../app/relitigation/indexDecisions.js';
import { loadDetector } from '../detector/loadDetector.js';
import { createRelitigationIndex } from '../storage/relitigationIndex.js';
import { openCommandDatabase } from './openCommandDatabase.js';
import { parseCommandArgs } from './parseCommandArgs.js';
import { type ProgressCounter, progressCounter } from './progressCounter.js';

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
