import { errorForLog, type Logger } from '../../logger.js';
import type { Metrics } from '../../metrics/metrics.js';
import { isDatabaseUnavailable } from '../../storage/postgresErrors.js';

export interface UntilDatabaseBackProps {
  /** How long the work is retried after its first failure; then it is dropped. */
  windowMs: number;
  metrics: Metrics;
  logger: Logger;
  /** Names the work in logs and in the dropped-events metric, e.g. 'message'. */
  what: string;
}

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5000;

/**
 * Runs an event's work, retrying it while the database is unreachable. Slack was answered 200
 * before the work began (an event it sees fail is redelivered, and too many failures disable the
 * app's subscriptions), so the retrying happens here, in the process, for a bounded time; the
 * work's writes are idempotent, so a retry after a partial run repeats nothing. Other errors are
 * not retried. Returns false when the work was given up.
 */
export async function untilDatabaseBack(
  work: () => Promise<void>,
  { windowMs, metrics, logger, what }: UntilDatabaseBackProps,
): Promise<boolean> {
  const deadline = Date.now() + windowMs;
  let delay = FIRST_DELAY_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      if (attempt > 1) logger.info({ what, attempts: attempt }, 'event work done once the database was back');
      return true;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      if (Date.now() + delay > deadline) {
        metrics.slackEventsDropped.inc({ reason: 'database_unavailable' });
        logger.error(
          { err: errorForLog(error), what, attempts: attempt, windowMs },
          'dropped an event: the database stayed unreachable',
        );
        return false;
      }
      metrics.slackEventsRetried.inc();
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }
}
