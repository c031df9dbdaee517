import { effectiveCostSettings } from '../../../../domain/costs/costSettings.js';
import { errorForLog } from '../../../../logger.js';
import { costSettingsModalView } from '../../../blocks/costSettingsModal.js';
import { describeSlackFailure } from '../../../copy.js';
import { classifySlackError } from '../../../slackFailure.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import type { CommandArgs } from './index.js';

/** `/decide settings`: the cost settings form, filled with what is in force in this channel. */
export async function costSettingsFromCommand({ services, logger }: ListenerDeps, { ack, client, command, context, respond }: CommandArgs): Promise<void> {
  let layers;
  try {
    layers = await services.costSettings.overrides(workspaceOf(context), command.channel_id);
  } catch (error) {
    logger.error({ err: errorForLog(error) }, 'reading cost settings for /decide settings failed');
    await ack({ response_type: 'ephemeral', text: "I couldn't read the settings: the database did not answer. Try again in a minute." });
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
    await respond({ response_type: 'ephemeral', text: `I couldn't open the settings. ${describeSlackFailure(classifySlackError(error), 'this channel')}` });
  }
}
