import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { LIMITS } from '../../../domain/decision.js';
import {
  decisionModalView,
  existingDecisionModalView,
  failedDecisionModalView,
  loadingDecisionModalView,
} from '../../blocks/decisionModal.js';
import { logAsDecisionFailed } from '../../copy/decisionForm.js';
import { tellUser } from '../../deliver.js';
import { classifySlackError } from '../../slackFailure.js';
import { isSlackConversationId, readSlackMessage } from '../../slackShapes.js';
import { workspaceOf } from '../../workspace.js';
import type { ListenerDeps } from '../deps.js';
import { errorForLog } from '../../../logger.js';

type Args = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * Message menu → "Log as decision". A loading form opens at once, while the trigger_id (good for
 * 3 s) is fresh; it becomes the form pre-filled from the message and its thread (participants as
 * deciders, an LLM draft when configured), or shows the record if this message was logged already.
 */
export function logAsDecisionShortcut({ useCases, logger }: ListenerDeps) {
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
    let loading: { id: string; hash?: string } | null = null;
    try {
      const opened = await client.views.open({ trigger_id: shortcut.trigger_id, view: loadingDecisionModalView() });
      if (!opened.view?.id) throw new Error('views.open returned no view');
      loading = { id: opened.view.id, hash: opened.view.hash };
      const prepared = await useCases.decisions.prepareFromThread({ workspace, channelId, message });
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
      // The hash makes Slack refuse the update if the person already closed or changed the form.
      await client.views.update({ view_id: loading.id, ...(loading.hash ? { hash: loading.hash } : {}), view });
    } catch (error) {
      logger.warn({ err: errorForLog(error) }, 'Log as decision could not open its form');
      const failure = logAsDecisionFailed(classifySlackError(error));
      if (loading) {
        const shown = await client.views
          .update({ view_id: loading.id, view: failedDecisionModalView(failure) })
          .then(() => true)
          .catch(() => false);
        if (shown) return;
      }
      await tellUser(client, { userId: shortcut.user.id, channelId }, failure, logger);
    }
  };
}
