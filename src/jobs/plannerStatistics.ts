import { schedule, type ScheduledTask } from 'node-cron';
import { errorForLog, type Logger } from '../logger.js';
import type { Database } from '../storage/database.js';

/** Hourly, off the other jobs' minutes. */
export const PLANNER_STATISTICS_CRON = '41 * * * *';

export interface PlannerStatisticsJob {
  /** One run now, as the schedule would run it (tests and operators). */
  runNow(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * Keeps the embedded database's planner statistics close to its data (Database.refreshStatistics):
 * PGlite has no autovacuum, and the relitigation watcher's cached retrieval plan is only as good as
 * the statistics it was made with. On PostgreSQL each run does nothing.
 */
export function startPlannerStatistics({ database, logger }: { database: Database; logger: Logger }): PlannerStatisticsJob {
  let running: Promise<string[]> | null = null;
  const runNow = async () => {
    running ??= database
      .refreshStatistics()
      .then((analysed) => {
        if (analysed.length > 0) logger.info({ tables: analysed }, 'refreshed planner statistics');
        return analysed;
      })
      .catch((error: unknown) => {
        logger.warn({ err: errorForLog(error) }, 'refreshing planner statistics failed; the next run tries again');
        return [];
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const task: ScheduledTask = schedule(PLANNER_STATISTICS_CRON, () => runNow(), { name: 'planner-statistics', noOverlap: true });
  return {
    runNow,
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
