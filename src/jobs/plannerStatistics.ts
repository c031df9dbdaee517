import { errorForLog, type Logger } from '../logger.js';
import type { Database } from '../storage/database.js';
import { type ScheduledRun, scheduleRun } from './scheduledRun.js';

/** Hourly, off the other jobs' minutes. */
export const PLANNER_STATISTICS_CRON = '41 * * * *';

/** runNow resolves to the tables analysed. */
export type PlannerStatisticsJob = ScheduledRun<string[]>;

/**
 * Keeps the embedded database's planner statistics close to its data (Database.refreshStatistics):
 * PGlite has no autovacuum, and the relitigation watcher's cached retrieval plan is only as good as
 * the statistics it was made with. On PostgreSQL each run does nothing.
 */
export function startPlannerStatistics({ database, logger }: { database: Database; logger: Logger }): PlannerStatisticsJob {
  const refresh = async () => {
    const analysed = await database.refreshStatistics();
    if (analysed.length > 0) logger.info({ tables: analysed }, 'refreshed planner statistics');
    return analysed;
  };
  return scheduleRun(PLANNER_STATISTICS_CRON, 'planner-statistics', refresh, (error) => {
    logger.warn({ err: errorForLog(error) }, 'refreshing planner statistics failed; the next run tries again');
    return [];
  });
}
