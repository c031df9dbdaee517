import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { newDecisionView } from '../shortcuts/newDecision.js';
import { errorForLog } from '../../../logger.js';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** App Home's "Record a decision" button: the same form as the global shortcut. */
export function openDecisionForm({ logger }: ListenerDeps) {
  return async ({ ack, body, client }: Args): Promise<void> => {
    await ack();
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: newDecisionView(body.user.id) });
    } catch (error) {
      logger.warn({ err: errorForLog(error) }, 'opening the decision form from App Home failed');
    }
  };
}
