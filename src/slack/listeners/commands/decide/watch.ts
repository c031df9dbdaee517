import type { WatchSensitivity } from '../../../../domain/relitigation/types.js';
import { errorForLog } from '../../../../logger.js';
import { DATABASE_DOWN_SETTING_UNCHANGED } from '../../../copy/failures.js';
import { HOLDING } from '../../../copy/holding.js';
import { describeWatch } from '../../../copy/watcherSettings.js';
import { workspaceOf } from '../../../workspace.js';
import type { ListenerDeps } from '../../deps.js';
import { answerSoon, type Reply } from './answerSoon.js';
import type { CommandArgs } from './commandArgs.js';

/** `/decide watch [off|low|normal|high]`: the relitigation watcher's setting for this channel. */
export async function watchCommand(
  { useCases, logger }: ListenerDeps,
  args: CommandArgs,
  sensitivity: WatchSensitivity | null,
): Promise<void> {
  const { command, context } = args;
  const workspace = workspaceOf(context);
  const work = async (): Promise<Reply> => {
    try {
      if (sensitivity === null)
        return { text: describeWatch(await useCases.relitigation.channelWatch(workspace, command.channel_id), false) };
      await useCases.relitigation.setChannelWatch(workspace, command.channel_id, sensitivity, command.user_id);
      return { text: describeWatch(sensitivity, true) };
    } catch (error) {
      logger.error({ err: errorForLog(error) }, 'reading or changing the watch setting failed');
      return { text: DATABASE_DOWN_SETTING_UNCHANGED };
    }
  };
  await answerSoon(args, work(), sensitivity === null ? HOLDING.lookUp : HOLDING.change);
}
