import { effectiveCostSettings } from '../../../../domain/costs/costSettings.js';
import { errorForLog } from '../../../../logger.js';
import { costSettingsModalView } from '../../../blocks/costSettingsModal.js';
import { SETTINGS_READ_FAILED, SETTINGS_TOO_SLOW, settingsNotOpened } from '../../../copy/costSettingsForm.js';
import { classifySlackError } from '../../../slackFailure.js';
import { workspaceOf } from '../../../workspace.js';
import { settleWithin } from '../../ackBudget.js';
import type { ListenerDeps } from '../../deps.js';
import type { CommandArgs } from './commandArgs.js';

/** `/decide settings`: the cost settings form, filled with what is in force in this channel. */
export async function settingsCommand(
  { useCases, logger }: ListenerDeps,
  { ack, client, command, context, respond }: CommandArgs,
): Promise<void> {
  const reading = useCases.costs.settingsLayers(workspaceOf(context), command.channel_id);
  const logFailure = (error: unknown) =>
    logger.error({ err: errorForLog(error) }, 'reading cost settings for /decide settings failed');
  // The form needs the command's trigger_id, which Slack honours for 3 s only: a read slower than
  // the ack budget cannot end in a form, so the user is told at once instead of after the fact.
  const early = await settleWithin(reading);
  if (!early.settled) {
    await ack({ response_type: 'ephemeral', text: SETTINGS_TOO_SLOW });
    void reading.catch(logFailure);
    return;
  }
  let layers;
  try {
    layers = await reading;
  } catch (error) {
    logFailure(error);
    await ack({ response_type: 'ephemeral', text: SETTINGS_READ_FAILED });
    return;
  }
  await ack();
  try {
    await client.views.open({
      trigger_id: command.trigger_id,
      view: costSettingsModalView(
        effectiveCostSettings(layers.workspace, layers.channel),
        { channelId: command.channel_id },
        Object.keys(layers.channel).length > 0,
      ),
    });
  } catch (error) {
    logger.warn({ err: errorForLog(error) }, 'views.open failed for /decide settings');
    await respond({
      response_type: 'ephemeral',
      text: settingsNotOpened(classifySlackError(error)),
    });
  }
}
