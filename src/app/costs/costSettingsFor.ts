import { type CostSettings, effectiveCostSettings } from '../../domain/costs/costSettings.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

/** The cost settings in force in a channel: defaults, the workspace's, then the channel's. */
export async function costSettingsFor(
  services: Pick<Services, 'costSettings'>,
  workspace: Workspace,
  channelId: string,
): Promise<CostSettings> {
  const layers = await services.costSettings.overrides(workspace, channelId);
  return effectiveCostSettings(layers.workspace, layers.channel);
}
