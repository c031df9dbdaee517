import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics/metrics.js';

export interface EventWorkOptions {
  /** Event jobs running at once: below the database pool, so commands always find a connection. */
  concurrency: number;
  /** Jobs waiting beyond those; past this the newest are dropped, not queued. */
  maxQueued: number;
  metrics: Metrics;
  logger: Logger;
}

export interface EventWork {
  /** Runs `job` when a slot is free; false (at once) when the backlog is full and it was dropped. */
  run(job: () => Promise<void>): Promise<boolean>;
}

/** One overload warning per this long, however many jobs are dropped. */
const LOG_EVERY_MS = 10_000;

/**
 * The work events bring after their ack (judging a message, costing a thread), admitted through a
 * bounded queue. Slack has its 200 already; under a flood, the process keeps answering quickly and
 * its memory bounded by dropping judgements it cannot get to (counted, and logged once in a while),
 * instead of queueing without end until every ack is late and Slack disables the app.
 */
export function createEventWork({ concurrency, maxQueued, metrics, logger }: EventWorkOptions): EventWork {
  let running = 0;
  const waiting: (() => void)[] = [];
  let dropped = 0;
  let lastLogAt = 0;

  const release = () => {
    running -= 1;
    const next = waiting.shift();
    if (next) {
      running += 1;
      next();
    }
  };

  return {
    async run(job) {
      if (running >= concurrency) {
        if (waiting.length >= maxQueued) {
          dropped += 1;
          metrics.slackEventsDropped.inc({ reason: 'overloaded' });
          if (Date.now() - lastLogAt > LOG_EVERY_MS) {
            lastLogAt = Date.now();
            logger.warn(
              { dropped, waiting: waiting.length, running },
              'overloaded: dropping event work that cannot be reached in time',
            );
          }
          return false;
        }
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        running += 1;
      }
      try {
        await job();
      } finally {
        release();
      }
      return true;
    },
  };
}
