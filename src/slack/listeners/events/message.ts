import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { errorForLog } from '../../../logger.js';
import { relitigationWarningBlocks, relitigationWarningText } from '../../blocks/relitigationWarning.js';
import { isSlackConversationId, readSlackMessage, type SlackMessageFields } from '../../slackShapes.js';
import { workspaceOf } from '../../workspace.js';
import type { ListenerDeps } from '../deps.js';
import { untilDatabaseBack } from '../untilDatabaseBack.js';

type Args = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** Subtypes that carry a person's words; joins, topic changes, bot posts and deletions do not. */
const PEOPLE_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share', 'me_message']);

/**
 * The relitigation watcher: every message in a channel the app is in. Bolt has already acked the
 * event; this judges it and, when a message reopens a recorded decision, replies in its thread.
 * Edits are judged once more; messages from any bot, this app included, never are.
 */
export function messageWatcher({ useCases, logger, metrics, eventRetryWindowMs, eventWork }: ListenerDeps) {
  return async ({ event, client, context }: Args): Promise<void> => {
    // Slack tells a channel's members it was made private with a message of this subtype.
    if ((event as { subtype?: string }).subtype === 'channel_convert_to_private') {
      const converted: unknown = event.channel;
      if (!isSlackConversationId(converted)) return;
      const workspace = workspaceOf(context);
      // Like judging, it rides out a database outage: losing it would leave decisions showing elsewhere.
      const work = async () => {
        const changed = await useCases.decisions.channelMadePrivate({ workspace, channelId: converted });
        logger.info(
          { channelId: converted, decisions: changed },
          'a channel was made private; its decisions are private now',
        );
      };
      await eventWork
        .run(() =>
          untilDatabaseBack(work, { windowMs: eventRetryWindowMs, metrics, logger, what: 'channel made private' }).then(
            () => undefined,
          ),
        )
        .catch((error: unknown) =>
          logger.error(
            { err: errorForLog(error), channelId: converted },
            'marking a channel private failed; its decisions may still show elsewhere',
          ),
        );
      return;
    }
    const message = personsMessage(event as unknown as Record<string, unknown>);
    if (!message) return;
    if (event.channel_type !== 'channel' && event.channel_type !== 'group') return;
    const channelId: unknown = event.channel;
    if (!isSlackConversationId(channelId)) return;
    const workspace = workspaceOf(context);
    // Most messages propose nothing and continue no warned thread: no database work, no place in the queue.
    const { needsWork, reply } = useCases.relitigation.screen(workspace, channelId, message);
    if (!needsWork) {
      metrics.relitigationChecks.inc({ result: 'quiet' });
      return;
    }
    const work = async () => {
      const warnings = await useCases.relitigation.watch({ workspace, channelId, message });
      metrics.relitigationChecks.inc({ result: warnings.length > 0 ? 'warned' : 'quiet' });
      for (const { judgement, decision, verdict } of warnings) {
        const posted = await client.chat.postMessage({
          channel: channelId,
          thread_ts: judgement.threadTs,
          text: relitigationWarningText(decision),
          blocks: relitigationWarningBlocks(decision, judgement.id, verdict.reasons),
          unfurl_links: false,
          unfurl_media: false,
        });
        await useCases.relitigation.noteWarningPosted(workspace, channelId, judgement, posted.ts);
        metrics.relitigationWarnings.inc();
      }
      if (reply) {
        await useCases.relitigation.trackThread({
          workspace,
          channelId,
          threadTs: reply.threadTs,
          message: { ts: message.ts, author: reply.author },
        });
      }
    };
    try {
      await eventWork.run(() =>
        untilDatabaseBack(work, { windowMs: eventRetryWindowMs, metrics, logger, what: 'message' }).then(
          () => undefined,
        ),
      );
    } catch (error) {
      metrics.relitigationChecks.inc({ result: 'failed' });
      logger.warn({ err: errorForLog(error), channelId }, 'judging a message for relitigation failed');
    }
  };
}

/** The message a person wrote (or edited), or null for anything the watcher must ignore. */
function personsMessage(event: Record<string, unknown>): SlackMessageFields | null {
  const subtype = event.subtype as string | undefined;
  if (subtype === 'message_changed') {
    const edited = event.message as Record<string, unknown> | undefined;
    if (!edited || edited.bot_id || edited.subtype === 'bot_message') return null;
    // Slack also sends message_changed when it unfurls a link or tags a language: only an edit of
    // the words is judged again (and, where a workspace opted in, sent to the LLM again).
    const before = (event.previous_message as Record<string, unknown> | undefined)?.text;
    if (typeof before === 'string' && before === edited.text) return null;
    return readMessage(edited);
  }
  if (!PEOPLE_SUBTYPES.has(subtype) || event.bot_id) return null;
  return readMessage(event);
}

/**
 * The watcher stores what it judges under the message's ts and channel (slackShapes.ts): read
 * leniently, a mistyped thread_ts used to become "not a reply" and a mistyped user "no author", and
 * got stored. A message without words is not judged.
 */
function readMessage(raw: Record<string, unknown>): SlackMessageFields | null {
  const message = readSlackMessage(raw);
  return message && message.text.trim() !== '' ? message : null;
}
