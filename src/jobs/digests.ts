import { randomUUID } from 'node:crypto';
import type { UseCases } from '../app/useCases.js';
import { errorForLog, type Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { revisitDue } from '../slack/copy/digests.js';
import { postDigest } from '../slack/postDigest.js';
import { directMessageFailure } from '../slack/slackFailure.js';
import type { WorkspaceClients } from '../slack/workspaceClients.js';
import { scheduleRun } from './scheduledRun.js';

/**
 * Every minute, each active schedule is compared with its own time in its own zone (so DST is
 * luxon's business, not cron's): a digest whose run has come — or was missed by less than a day
 * while no replica ran — is claimed in the database and posted. The claim is a primary key, so of
 * several replicas exactly one posts, and a digest is never posted twice, even if posting fails.
 * A claim its replica abandoned mid-run is taken over (dueDigests.ts, ABANDONED_CLAIM_MS).
 */
export const DIGEST_TICK_CRON = '* * * * *';

/** Hourly: owners hear that a decision's revisit date has come, once per decision. */
export const REVISIT_REMINDER_CRON = '17 * * * *';

/** Channels whose digests are posted at once; Slack allows about one message a second per channel. */
const PARALLEL_CHANNELS = 4;
const REMINDERS_PER_RUN = 200;

export interface DigestJobProps {
  useCases: UseCases;
  /** Clients that ride out rate limits longer than an interactive request would. */
  clients: WorkspaceClients;
  logger: Logger;
  metrics: Metrics;
  /** Names this replica in its claims (digest_runs.instance), for operators. */
  instance?: string;
}

export interface DigestJob {
  /** One digest tick now, as the schedule would run it. */
  runNow(): Promise<void>;
  /** One revisit-reminder run now. */
  remindNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startDigests({
  useCases,
  clients,
  logger,
  metrics,
  instance = `${process.pid}-${randomUUID().slice(0, 8)}`,
}: DigestJobProps): DigestJob {
  const tick = async () => {
    const due = await useCases.digests.due();
    for (let i = 0; i < due.length; i += PARALLEL_CHANNELS) {
      await Promise.all(
        due.slice(i, i + PARALLEL_CHANNELS).map((d) =>
          clients
            .clientFor(d.stored.workspace)
            .then((client) =>
              postDigest({
                run: useCases.digests.run,
                client,
                logger,
                request: { stored: d.stored, period: d.period, claimAs: instance },
              }),
            )
            .then((result) => {
              if (result.status === 'posted') metrics.digestsPosted.inc();
            })
            .catch((error: unknown) =>
              logger.error({ err: errorForLog(error), channelId: d.stored.channelId }, 'a digest run failed'),
            ),
        ),
      );
    }
  };

  const remind = async () => {
    await useCases.digests.sendRevisitReminders(REMINDERS_PER_RUN, {
      async send(due) {
        const client = await clients.clientFor(due.workspace);
        await client.chat.postMessage({ channel: due.owner, text: revisitDue(due.ref, due.revisitOn, due.channelId) });
      },
      failureOf: directMessageFailure,
      onSendFailure: (due, error, failure) =>
        logger.warn(
          { err: errorForLog(error), ref: due.ref, problem: failure.problem },
          failure.permanent
            ? 'could not remind an owner of a revisit, and never will: given up'
            : 'could not remind an owner of a revisit; a later run tries again after a wait',
        ),
      onFinishFailure: (due, error) =>
        logger.error(
          { err: errorForLog(error), ref: due.ref },
          'a revisit reminder was sent but could not be recorded; it will be sent again',
        ),
    });
  };

  const digestRun = scheduleRun(DIGEST_TICK_CRON, 'digests', tick, (error) =>
    logger.error({ err: errorForLog(error) }, 'the digest tick failed'),
  );
  const reminderRun = scheduleRun(REVISIT_REMINDER_CRON, 'revisit-reminders', remind, (error) =>
    logger.error({ err: errorForLog(error) }, 'revisit reminders failed'),
  );
  return {
    runNow: digestRun.runNow,
    remindNow: reminderRun.runNow,
    async stop() {
      await Promise.all([digestRun.stop(), reminderRun.stop()]);
    },
  };
}
