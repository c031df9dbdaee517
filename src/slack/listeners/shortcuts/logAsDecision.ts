import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { prepareThreadDecision } from '../../../app/prepareThreadDecision.js';
import { LIMITS } from '../../../domain/decision.js';
import { decisionModalView, existingDecisionModalView } from '../../blocks/decisionModal.js';
import { describeSlackFailure } from '../../copy.js';
import { tellUser } from '../../deliver.js';
import { classifySlackError } from '../../slackFailure.js';
import { isSlackConversationId, readSlackMessage } from '../../slackShapes.js';
import { workspaceOf } from '../../workspace.js';
import type { ListenerDeps } from '../deps.js';
import { errorForLog } from '../../../logger.js';

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * Message menu → "Log as decision". The form opens pre-filled from the message and its thread
 * (participants as deciders, an LLM draft when configured), or shows the record if this message
 * was logged already. Everything before views.open is bounded so the 3-second trigger_id holds.
 */
export function logAsDecisionShortcut({ services, logger }: ListenerDeps) {
  return async ({ ack, shortcut, client, context }: Args): Promise<void> => {
    await ack();
    const channelId: unknown = shortcut.channel?.id;
    const message = readSlackMessage(shortcut.message);
    // Slack always names the channel and the message; a payload that does not was not sent by its UI.
    if (!isSlackConversationId(channelId) || !message) {
      logger.info('ignored a "Log as decision" payload whose channel or message is not of Slack\'s shape');
      return;
    }
    const workspace = workspaceOf(context);
    try {
      const prepared = await prepareThreadDecision({ services, workspace, channelId, message });
      const view =
        prepared.kind === 'existing'
          ? existingDecisionModalView(prepared.decision)
          : decisionModalView({
              metadata: {
                origin: 'message_shortcut',
                channelId,
                message: { ts: message.ts, threadTs: message.threadTs, permalink: prepared.permalink },
                participants: prepared.participants.slice(0, LIMITS.deciders),
              },
              prefill: {
                title: prepared.draft?.title ?? message.text,
                rationale: prepared.draft?.rationale,
                alternatives: prepared.draft?.alternatives,
                context: prepared.threadOpening ?? undefined,
                deciders: prepared.participants,
              },
              askForChannel: false,
              drafted: prepared.draft !== null,
            });
      await client.views.open({ trigger_id: shortcut.trigger_id, view });
    } catch (error) {
      logger.warn({ err: errorForLog(error) }, 'Log as decision could not open its form');
      await tellUser(
        client,
        { userId: shortcut.user.id, channelId },
        `I couldn't open the “Log as decision” form. ${describeSlackFailure(classifySlackError(error), 'this channel')} Nothing was recorded; try the shortcut again.`,
        logger,
      );
    }
  };
}
