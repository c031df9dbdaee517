import { decisionModalView } from '../../../blocks/decisionModal.js';
import { formNotOpened } from '../../../copy/decisionReplies.js';
import { classifySlackError } from '../../../slackFailure.js';
import type { ListenerDeps } from '../../deps.js';
import type { CommandArgs } from './commandArgs.js';
import { errorForLog } from '../../../../logger.js';

/** `/decide` alone: the full form, bound to the channel it was typed in. */
export async function openModalCommand({ logger }: ListenerDeps, { ack, client, command, respond }: CommandArgs) {
  await ack();
  try {
    await client.views.open({
      trigger_id: command.trigger_id,
      view: decisionModalView({
        metadata: { origin: 'modal', channelId: command.channel_id, message: null, participants: [] },
        prefill: { deciders: [command.user_id] },
        askForChannel: false,
        drafted: false,
      }),
    });
  } catch (error) {
    logger.warn({ err: errorForLog(error) }, 'views.open failed for /decide');
    await respond({
      response_type: 'ephemeral',
      text: formNotOpened(classifySlackError(error)),
    });
  }
}
