import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { decisionModalView } from '../../blocks/decisionModal.js';
import type { ListenerDeps } from '../deps.js';
import { errorForLog } from '../../../logger.js';

type Args = SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs;

/** Global shortcut (⚡ menu) "Record a decision": the form, asking which channel the decision belongs to. */
export function newDecisionShortcut({ logger }: ListenerDeps) {
  return async ({ ack, shortcut, client }: Args): Promise<void> => {
    await ack();
    try {
      await client.views.open({ trigger_id: shortcut.trigger_id, view: newDecisionView(shortcut.user.id) });
    } catch (error) {
      // No channel and no response_url here: the log is all there is to tell.
      logger.warn({ err: errorForLog(error) }, 'the global shortcut could not open its form');
    }
  };
}

export function newDecisionView(userId: string) {
  return decisionModalView({
    metadata: { origin: 'global_shortcut', channelId: null, message: null, participants: [] },
    prefill: { deciders: [userId] },
    askForChannel: true,
    drafted: false,
  });
}
