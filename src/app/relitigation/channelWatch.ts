import type { WatchSensitivity } from '../../domain/relitigation/types.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

/** `/decide watch`: how closely the watcher reads this channel. */
export function channelWatch(
  services: Pick<Services, 'channelSettings'>,
  workspace: Workspace,
  channelId: string,
): Promise<WatchSensitivity> {
  return services.channelSettings.watch(workspace, channelId);
}

/** `/decide watch off|low|normal|high`: anyone in the channel may change it. */
export function setChannelWatch(
  services: Pick<Services, 'channelSettings'>,
  workspace: Workspace,
  channelId: string,
  sensitivity: WatchSensitivity,
  userId: string,
): Promise<void> {
  return services.channelSettings.setWatch(workspace, channelId, sensitivity, userId);
}
