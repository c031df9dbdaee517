import type { WatchSensitivity } from '../../../../domain/relitigation/types.js';
import { errorForLog } from '../../../../logger.js';
import { describeWatch } from '../../../copy.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import type { CommandArgs } from './index.js';

/** `/decide watch [off|low|normal|high]`: the relitigation watcher's setting for this channel. */
export async function watchSetting(
  { services, logger }: ListenerDeps,
  { ack, command, context }: CommandArgs,
  sensitivity: WatchSensitivity | null,
): Promise<void> {
  const workspace = workspaceOf(context);
  try {
    if (sensitivity === null) {
      const current = await services.channelSettings.watch(workspace, command.channel_id);
      await ack({ response_type: 'ephemeral', text: describeWatch(current, false) });
      return;
    }
    await services.channelSettings.setWatch(workspace, command.channel_id, sensitivity, command.user_id);
    await ack({ response_type: 'ephemeral', text: describeWatch(sensitivity, true) });
  } catch (error) {
    logger.error({ err: errorForLog(error) }, 'reading or changing the watch setting failed');
    await ack({ response_type: 'ephemeral', text: "I couldn't reach the database just now; the setting is unchanged. Try again in a minute." });
  }
}
