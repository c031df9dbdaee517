import type { CostSettingsOverrides } from '../../domain/costs/costSettings.js';
import type { Workspace } from '../../domain/workspace.js';
import type { Services } from '../services.js';

/** What the workspace and the channel each set, before defaults fill the rest (the settings form shows both). */
export function costSettingsLayers(
  services: Pick<Services, 'costSettings'>,
  workspace: Workspace,
  channelId: string,
): Promise<{ workspace: CostSettingsOverrides; channel: CostSettingsOverrides }> {
  return services.costSettings.overrides(workspace, channelId);
}
