import type { UseCases } from '../app/useCases.js';
import { errorForLog, type Logger } from '../logger.js';
import { feedStopped } from '../slack/copy/calendar.js';
import type { WorkspaceClients } from '../slack/workspaceClients.js';
import { type ScheduledRun, scheduleRun } from './scheduledRun.js';

/**
 * Reads every subscribed ICS feed on CALENDAR_SYNC_CRON (default: hourly, at minute 7). Replicas
 * share the work: each feed is claimed in the database before it is read, and a feed read in the
 * last CALENDAR_MIN_INTERVAL_MS is left alone whoever read it.
 */
export const CALENDAR_SYNC = {
  /** Shorter than the hourly schedule, so a run a little early still reads every feed. */
  minIntervalMs: 45 * 60_000,
  /** A replica that dies mid-read releases its feeds after this long. */
  claimMs: 10 * 60_000,
  /** Feeds claimed at a time; a run keeps claiming until none are due. */
  batch: 25,
} as const;

export interface CalendarSyncProps {
  cron: string;
  useCases: UseCases;
  clients: WorkspaceClients;
  logger: Logger;
}

export type CalendarSyncJob = ScheduledRun<void>;

export function startCalendarSync({ cron, useCases, clients, logger }: CalendarSyncProps): CalendarSyncJob {
  const _running: Promise<void> | null = null;
  const run = async () => {
    let synced = 0;
    let recorded = 0;
    for (;;) {
      const result = await useCases.costs.syncCalendarFeeds({ ...CALENDAR_SYNC, limit: CALENDAR_SYNC.batch });
      synced += result.synced;
      recorded += result.recorded;
      if (result.failed > 0)
        logger.warn(
          { failed: result.failed },
          'some calendar feeds could not be synced; they are retried on a later run',
        );
      for (const notice of result.notices) {
        try {
          const client = await clients.clientFor(notice.feed.workspace);
          await client.chat.postMessage({
            channel: notice.feed.channelId,
            text: feedStopped(notice.feed.url, notice.problem),
          });
        } catch (error) {
          logger.warn(
            { err: errorForLog(error), channelId: notice.feed.channelId },
            'could not tell a channel its calendar feed fails',
          );
        }
      }
      if (
        result.synced + result.failed + result.notices.length === 0 ||
        result.synced + result.failed < CALENDAR_SYNC.batch
      )
        break;
    }
    if (synced > 0) logger.info({ synced, recorded }, 'calendar feeds synced');
  };
  return scheduleRun(cron, 'calendar-sync', run, (error) =>
    logger.error({ err: errorForLog(error) }, 'calendar sync failed'),
  );
}
