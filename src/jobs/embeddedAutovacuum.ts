import { errorForLog, type Logger } from '../logger.js';
import type { Autovacuumed, Database } from '../storage/database.js';
import { type ScheduledRun, scheduleRun } from './scheduledRun.js';

/** Hourly, off the other jobs' minutes. */
export const EMBEDDED_AUTOVACUUM_CRON = '41 * * * *';

export type EmbeddedAutovacuumJob = ScheduledRun<Autovacuumed>;

/**
 * Autovacuum's work on the embedded database (Database.autovacuum): PGlite has none. Without it the
 * relitigation watcher's cached retrieval plan keeps the statistics of start-up however the ledger
 * grows, and every update and delete (card attachments, cost sums, reference counters, reply notes)
 * leaves a dead row whose space is never used again. On PostgreSQL each run does nothing. A vacuum
 * with little to do takes tens of milliseconds; PGlite runs it on its own thread.
 */
export function startEmbeddedAutovacuum({
  database,
  logger,
}: {
  database: Database;
  logger: Logger;
}): EmbeddedAutovacuumJob {
  const run = async () => {
    const done = await database.autovacuum();
    if (done.analysed.length > 0) logger.info({ tables: done.analysed }, 'refreshed planner statistics');
    return done;
  };
  return scheduleRun(EMBEDDED_AUTOVACUUM_CRON, 'embedded-autovacuum', run, (error) => {
    logger.warn({ err: errorForLog(error) }, 'vacuuming the embedded database failed; the next run tries again');
    return { analysed: [], vacuumed: false };
  });
}
