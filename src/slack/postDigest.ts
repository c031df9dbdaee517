import type { WebClient } from '@slack/web-api';
import { composeDigest } from '../app/digests/composeDigest.js';
import { ABANDONED_CLAIM_MS } from '../app/digests/dueDigests.js';
import type { Services } from '../app/services.js';
import type { StoredDigestSchedule } from '../app/digests/ports.js';
import { renderCostChart } from '../charts/costChart.js';
import { errorForLog, type Logger } from '../logger.js';
import { digestBlocks, digestText } from './blocks/digest.js';
import { describeSlackFailure } from './copy.js';
import { classifySlackError } from './slackFailure.js';
import { uploadPng } from './uploadFile.js';

/** Slack answers a schedule cannot get past by waiting: the schedule pauses and its owner is told. */
const PAUSING_FAILURES = new Set(['not_in_channel', 'channel_not_found', 'archived']);

export interface PostDigestProps {
  services: Pick<Services, 'digests' | 'digestFacts' | 'costs' | 'costSettings'> &
    Partial<Pick<Services, 'digestNarrator' | 'workspaceSettings'>>;
  client: WebClient;
  logger: Logger;
  stored: Pick<StoredDigestSchedule, 'workspace' | 'channelId' | 'owner'>;
  period: { start: Date; end: Date; key: string; label: string };
  /** Scheduled digests are claimed first (exactly once across replicas); an operator's is not. */
  claimAs: string | null;
}

export type PostDigestResult =
  | { status: 'posted'; ts: string; chart: boolean }
  | { status: 'already_claimed' }
  | { status: 'failed'; problem: string };

/**
 * Composes a channel's digest for a period and posts it, with the cost chart in its thread. A
 * channel the app cannot post to pauses the schedule and its owner hears why; a chart that cannot
 * be made or uploaded leaves the digest without it.
 */
export async function postDigest({
  services,
  client,
  logger,
  stored,
  period,
  claimAs,
}: PostDigestProps): Promise<PostDigestResult> {
  const { workspace, channelId } = stored;
  // Claimed before it is composed: every replica's tick finds the same digests due, and only the
  // one that wins the claim reads the period's facts (and, where the workspace opted in, sends
  // them to the LLM endpoint for a narrative).
  if (
    claimAs !== null &&
    !(await services.digests.claimRun(workspace, channelId, period.key, claimAs, ABANDONED_CLAIM_MS))
  )
    return { status: 'already_claimed' };
  const composed = await composeDigest({ services, workspace, channelId, period }).catch(async (error: unknown) => {
    // Nothing was posted: a later tick may try again, here or on another replica.
    if (claimAs !== null) {
      await services.digests
        .releaseRun(workspace, channelId, period.key, claimAs)
        .catch((releaseError: unknown) =>
          logger.error(
            { err: errorForLog(releaseError), channelId, period: period.key },
            "a digest claim could not be given up; this period's digest will not be posted",
          ),
        );
    }
    throw error;
  });
  // A replica that took longer than ABANDONED_CLAIM_MS to get here may have had its claim taken over.
  if (claimAs !== null && !(await services.digests.confirmRun(workspace, channelId, period.key, claimAs))) {
    logger.warn(
      { channelId, period: period.key },
      'another replica took this digest over while it was being composed; it posts it',
    );
    return { status: 'already_claimed' };
  }
  let ts: string;
  try {
    const posted = await client.chat.postMessage({
      channel: channelId,
      text: digestText(composed.digest),
      blocks: digestBlocks(composed.digest, { settings: composed.settings }),
      unfurl_links: false,
      unfurl_media: false,
    });
    ts = posted.ts ?? '';
  } catch (error) {
    const failure = classifySlackError(error);
    if (claimAs !== null)
      await services.digests.finishRun(workspace, channelId, period.key, claimAs, {
        status: 'failed',
        problem: failure.kind,
      });
    logger.warn({ err: errorForLog(error), channelId, period: period.key }, 'posting a digest failed');
    if (claimAs !== null && PAUSING_FAILURES.has(failure.kind))
      await pauseAndTell(services, client, logger, stored, describeSlackFailure(failure, `<#${channelId}>`));
    return { status: 'failed', problem: failure.kind };
  }
  if (claimAs !== null)
    await services.digests.finishRun(workspace, channelId, period.key, claimAs, { status: 'posted', ts });
  try {
    const png = await renderCostChart({
      periods: composed.chart,
      unit: 'hours',
      title: 'Coordination cost by kind (hours)',
    });
    await uploadPng({
      client,
      channelId,
      threadTs: ts,
      filename: `coordination-costs-${period.key.replace(/[^\w-]+/g, '-')}.png`,
      title: 'Coordination cost per period, by kind',
      png,
      altText: 'Bar chart of meeting, review-wait and relitigation hours over the last eight periods',
    });
    return { status: 'posted', ts, chart: true };
  } catch (error) {
    logger.warn({ err: errorForLog(error), channelId }, 'the digest chart could not be rendered or uploaded');
    return { status: 'posted', ts, chart: false };
  }
}

async function pauseAndTell(
  services: PostDigestProps['services'],
  client: WebClient,
  logger: Logger,
  stored: PostDigestProps['stored'],
  why: string,
): Promise<void> {
  await services.digests.pause(stored.workspace, stored.channelId, why);
  try {
    await client.chat.postMessage({
      channel: stored.owner,
      text: `I paused the Reflection digest of <#${stored.channelId}>: ${why} Set it again with \`/decide digest …\` in that channel once that is fixed.`,
    });
  } catch (error) {
    logger.warn(
      { err: errorForLog(error), channelId: stored.channelId },
      'could not tell a digest owner that the digest paused',
    );
  }
}
