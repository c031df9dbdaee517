import type { WebClient } from '@slack/web-api';
import type { DigestPublisher, RunDigestRequest, RunDigestResult } from '../app/digests/runDigest.js';
import { renderCostChart } from '../charts/costChart.js';
import { errorForLog, type Logger } from '../logger.js';
import { digestBlocks, digestText } from './blocks/digest.js';
import { DIGEST_CHART, digestPaused } from './copy/digests.js';
import { describeSlackFailure } from './copy/failures.js';
import { classifySlackError } from './slackFailure.js';
import { uploadPng } from './uploadFile.js';

/** Slack answers a schedule cannot get past by waiting: the schedule pauses and its owner is told. */
const PAUSING_FAILURES = new Set(['not_in_channel', 'channel_not_found', 'archived']);

export type PostDigestResult =
  | { status: 'posted'; ts: string; chart: boolean }
  | { status: 'already_claimed' }
  | { status: 'failed'; problem: string };

/**
 * Posts a channel's digest for a period (runDigest.ts decides whether this replica may), with the
 * cost chart in its thread; a chart that cannot be made or uploaded leaves the digest without it.
 */
export async function postDigest(props: {
  /** The use case that decides whether this replica posts it (useCases.digests.run). */
  run: (request: RunDigestRequest, publisher: DigestPublisher) => Promise<RunDigestResult>;
  client: WebClient;
  logger: Logger;
  request: RunDigestRequest;
}): Promise<PostDigestResult> {
  const { client, logger, request } = props;
  const { channelId, owner } = request.stored;
  const where = { channelId, period: request.period.key };
  const publisher: DigestPublisher = {
    async post(composed) {
      const posted = await client.chat.postMessage({
        channel: channelId,
        text: digestText(composed.digest),
        blocks: digestBlocks(composed.digest, { settings: composed.settings }),
        unfurl_links: false,
        unfurl_media: false,
      });
      return posted.ts ?? '';
    },
    failureOf(error) {
      logger.warn({ err: errorForLog(error), ...where }, 'posting a digest failed');
      const failure = classifySlackError(error);
      const pause = request.claimAs !== null && PAUSING_FAILURES.has(failure.kind);
      return { problem: failure.kind, pauseBecause: pause ? describeSlackFailure(failure, `<#${channelId}>`) : null };
    },
    async tellOwnerPaused(why) {
      await client.chat
        .postMessage({ channel: owner, text: digestPaused(channelId, why) })
        .catch((error: unknown) =>
          logger.warn({ err: errorForLog(error), channelId }, 'could not tell a digest owner that the digest paused'),
        );
    },
    onReleaseFailure(error) {
      logger.error(
        { err: errorForLog(error), ...where },
        "a digest claim could not be given up; this period's digest will not be posted",
      );
    },
  };
  const result = await props.run(request, publisher);
  if (result.status === 'already_claimed') {
    if (result.takenOver)
      logger.warn(where, 'another replica took this digest over while it was being composed; it posts it');
    return { status: 'already_claimed' };
  }
  if (result.status === 'failed') return result;
  const { ts, composed } = result;
  try {
    const png = await renderCostChart({
      periods: composed.chart,
      unit: 'hours',
      title: DIGEST_CHART.title,
    });
    await uploadPng({
      client,
      channelId,
      threadTs: ts,
      filename: `coordination-costs-${request.period.key.replace(/[^\w-]+/g, '-')}.png`,
      title: DIGEST_CHART.fileTitle,
      png,
      altText: DIGEST_CHART.altText,
    });
    return { status: 'posted', ts, chart: true };
  } catch (error) {
    logger.warn({ err: errorForLog(error), channelId }, 'the digest chart could not be rendered or uploaded');
    return { status: 'posted', ts, chart: false };
  }
}
