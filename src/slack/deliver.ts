import type { WebClient } from '@slack/web-api';
import type { Workspace } from '../domain/workspace.js';
import type { UseCases } from '../app/useCases.js';
import type { Decision } from '../domain/decision.js';
import { errorForLog, type Logger } from '../logger.js';
import { decisionCardBlocks, decisionFallbackText } from './blocks/decisionCard.js';
import { classifySlackError, type SlackFailure } from './slackFailure.js';

export type CardDelivery = { ok: true; ts: string } | { ok: false; failure: SlackFailure };

/**
 * Posts a decision's card in its channel and remembers where it went. A card that was posted
 * already (a retried request) is not posted again.
 */
export async function postDecisionCard(props: {
  client: WebClient;
  useCases: Pick<UseCases, 'decisions'>;
  workspace: Workspace;
  decision: Decision;
  logger: Logger;
}): Promise<CardDelivery> {
  const { client, useCases, workspace, decision, logger } = props;
  if (decision.cardTs) return { ok: true, ts: decision.cardTs };
  try {
    const posted = await client.chat.postMessage({
      channel: decision.source.channelId,
      text: decisionFallbackText(decision),
      blocks: decisionCardBlocks(decision),
      unfurl_links: false,
      unfurl_media: false,
    });
    const ts = posted.ts!;
    try {
      await useCases.decisions.noteCardPosted(workspace, decision, ts);
    } catch (error) {
      // The card is in the channel: the person must not be told it is not. Only refreshing it
      // later (when the decision is superseded) needs to know where it went.
      logger.warn(
        { err: errorForLog(error), ref: decision.ref },
        'a decision card was posted but where it went could not be saved',
      );
    }
    return { ok: true, ts };
  } catch (error) {
    logger.warn({ err: errorForLog(error), ref: decision.ref }, 'posting a decision card failed');
    return { ok: false, failure: classifySlackError(error) };
  }
}

/** Refreshes a posted card after the record changed (for example, it was superseded). Best effort. */
export async function refreshDecisionCard(client: WebClient, decision: Decision, logger: Logger): Promise<void> {
  if (!decision.cardTs) return;
  try {
    await client.chat.update({
      channel: decision.source.channelId,
      ts: decision.cardTs,
      text: decisionFallbackText(decision),
      blocks: decisionCardBlocks(decision),
    });
  } catch (error) {
    logger.info({ err: errorForLog(error), ref: decision.ref }, 'updating a decision card failed');
  }
}

/**
 * Tells one person something privately where there is no response_url (modal submissions):
 * an ephemeral message in the channel, or a direct message from the app if that is not possible.
 */
export async function tellUser(
  client: WebClient,
  target: { userId: string; channelId: string | null },
  text: string,
  logger: Logger,
): Promise<void> {
  if (target.channelId) {
    try {
      await client.chat.postEphemeral({ channel: target.channelId, user: target.userId, text });
      return;
    } catch (error) {
      logger.info({ err: errorForLog(error) }, 'ephemeral message failed; sending a direct message instead');
    }
  }
  try {
    await client.chat.postMessage({ channel: target.userId, text });
  } catch (error) {
    logger.warn({ err: errorForLog(error) }, 'could not reach the user at all');
  }
}
