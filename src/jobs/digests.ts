import { randomUUID } from 'node:crypto';
import type { DueDigest } from '../app/digests/dueDigests.js';
import type { UseCases } from '../app/useCases.js';
import { errorForLog, type Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { revisitDue } from '../slack/copy/digests.js';
import { postDigest } from '../slack/postDigest.js';
import { directMessageFailure } from '../slack/slackFailure.js';
import { type WorkspaceClients, WorkspaceNotInstalledError } from '../slack/workspaceClients.js';
import { scheduleRun } from './scheduledRun.js';

/**
 * Every minute, the schedules whose next run has come are taken from the database (by an index on
 * that time, in batches other replicas skip), and each is compared with its own time in its own
 * zone (so DST is luxon's business, not cron's): a digest whose run has come — or was missed by less
 * than a day while no replica ran — is claimed and posted. The claim is a primary key, so of several
 * replicas exactly one posts, and a digest is never posted twice, even if posting fails. A claim its
 * replica abandoned mid-run is taken over (dueDigests.ts, ABANDONED_CLAIM_MS). A workspace the app
 * is no longer installed in has its schedules paused, once.
 */
export const DIGEST_TICK_CRON = '* * * * *';

/** Hourly: owners hear that a decision's revisit date has come, once per decision. */
export const REVISIT_REMINDER_CRON = '17 * * * *';

/** Channels whose digests are posted at once; Slack allows about one message a second per channel. */
const PARALLEL_CHANNELS = 4;
const REMINDERS_PER_RUN = 200;
/**
 * Schedules a tick takes from the database at a time. Working out a due digest's runs and period
 * takes about a millisecond of JavaScript: a batch this size gives the event loop back every ten
 * milliseconds or so, whatever number come due at once (bench/digestTick.bench.ts).
 */
const DUE_BATCH = 10;

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
  /** One due digest: posted (or not), then the schedule set to when the tick looks at it again. */
  const runDue = async (due: DueDigest, now: Date, uninstalled: Set<string>) => {
    const { workspace, channelId } = due.stored;
    let outcome: 'ended' | 'again' = 'again';
    try {
      const client = await clients.clientFor(workspace);
      const result = await postDigest({
        run: useCases.digests.run,
        client,
        logger,
        request: { stored: due.stored, period: due.period, claimAs: instance },
      });
      if (result.status === 'posted') metrics.digestsPosted.inc();
      // Claimed by another replica meanwhile: looked at again, in case that one stops.
      outcome = result.status === 'already_claimed' ? 'again' : 'ended';
    } catch (error) {
      if (error instanceof WorkspaceNotInstalledError) {
        // Once per workspace and tick, not once per schedule every minute: its schedules pause.
        if (uninstalled.has(workspace.workspaceId)) return;
        uninstalled.add(workspace.workspaceId);
        const paused = await useCases.digests.pauseUninstalled(workspace);
        logger.warn(
          { workspaceId: workspace.workspaceId, paused },
          'the app is no longer installed in a workspace: its digest schedules are paused',
        );
        return;
      }
      logger.error({ err: errorForLog(error), channelId }, 'a digest run failed');
    }
    await useCases.digests
      .runEnded(due, outcome, now)
      .catch((error: unknown) =>
        logger.error(
          { err: errorForLog(error), channelId },
          'could not record when a digest schedule runs next; the tick looks at it again once its hold ends',
        ),
      );
  };

  const tick = async () => {
    const now = useCases.clock.now();
    const uninstalled = new Set<string>();
    // Batches until fewer come back than were asked for: the due, and only the due, are read.
    for (;;) {
      const { due, taken } = await useCases.digests.takeDue(now, DUE_BATCH);
      for (let i = 0; i < due.length; i += PARALLEL_CHANNELS)
        await Promise.all(due.slice(i, i + PARALLEL_CHANNELS).map((d) => runDue(d, now, uninstalled)));
      if (taken < DUE_BATCH) break;
    }
  };

  const remind = async () => {
    await useCases.digests.sendRevisitReminders(REMINDERS_PER_RUN, {
      async send(due) {
        const client = await clients.clientFor(due.workspace);
        await client.chat.postMessage({ channel: due.owner, text: revisitDue(due.ref, due.revisitOn, due.channelId) });
      },
      // Uninstalled: no try can reach the owner until the app is installed again.
      failureOf: (error) =>
        error instanceof WorkspaceNotInstalledError
          ? { problem: 'app_uninstalled', permanent: true }
          : directMessageFailure(error),
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
