import type { IndexServices } from '../app/relitigation/indexDecisions.js';
import { errorForLog, type Logger } from '../logger.js';

/**
 * Says at start-up when decisions have no index row of the model this app runs (a new model was
 * deployed, or rows were lost): until `npm run cli -- reindex`, those decisions are found by their
 * own words only. Never throws.
 */
export async function reportReindexDue(services: IndexServices, logger: Logger): Promise<void> {
  try {
    const modelVersion = services.detector.model.version;
    const unindexed = await services.relitigation.countUnindexed(modelVersion);
    if (unindexed > 0) {
      logger.warn(
        { modelVersion, unindexed },
        `reindex due: ${unindexed} decisions have no index rows of relitigation model ${modelVersion}; run npm run cli -- reindex`,
      );
    } else {
      logger.info({ modelVersion }, 'relitigation index is current');
    }
  } catch (error) {
    logger.warn({ err: errorForLog(error) }, 'could not check whether a reindex is due');
  }
}
