import {
  COST_SETTING_KEYS,
  type CostSettingKey,
  type CostSettingProblem,
  type CostSettings,
  type CostSettingsOverrides,
  effectiveCostSettings,
  validateCostSettings,
} from '../../domain/costs/costSettings.js';
import type { Workspace } from '../../domain/workspace.js';
import { type AdminRefusal, adminRefusal, type WorkspaceRole } from '../workspace/adminOnly.js';
import type { Services } from '../services.js';

export interface SaveCostSettingsProps {
  services: Pick<Services, 'costSettings'>;
  workspace: Workspace;
  channelId: string;
  /** Save for the channel, or as the workspace's own (which channels without settings inherit). */
  scope: 'channel' | 'workspace';
  /** The form's fields as typed, keyed by setting. */
  form: Readonly<Record<string, string | undefined>>;
  userId: string;
  /** Who is saving, in the workspace: settings for the whole workspace are its admins' and owners'. */
  role: () => Promise<WorkspaceRole>;
}

export type SaveCostSettingsResult =
  | { ok: true; settings: CostSettings }
  | { ok: false; problems: Partial<Record<CostSettingKey, CostSettingProblem>> }
  | { ok: false; refused: AdminRefusal };

/**
 * Saves a settings form. Only what differs from the layer below is stored, so a channel keeps
 * following the workspace in every setting it did not change.
 */
export async function saveCostSettings({
  services,
  workspace,
  channelId,
  scope,
  form,
  userId,
  role,
}: SaveCostSettingsProps): Promise<SaveCostSettingsResult> {
  if (scope === 'workspace') {
    // Every channel without settings of its own follows these: not one member's call.
    const refused = adminRefusal(await role());
    if (refused) return { ok: false, refused };
  }
  const layers = await services.costSettings.overrides(workspace, channelId);
  const inherited = scope === 'channel' ? effectiveCostSettings(layers.workspace) : effectiveCostSettings();
  const checked = validateCostSettings(form, inherited);
  if (!checked.ok) return checked;
  const own = differingFrom(inherited, checked.overrides);
  await services.costSettings.save(workspace, scope === 'channel' ? channelId : null, own, userId);
  const settings =
    scope === 'channel' ? effectiveCostSettings(layers.workspace, own) : effectiveCostSettings(own, layers.channel);
  return { ok: true, settings };
}

function differingFrom(inherited: CostSettings, overrides: CostSettingsOverrides): CostSettingsOverrides {
  const own: Record<string, unknown> = {};
  for (const key of COST_SETTING_KEYS) {
    const value = overrides[key];
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(inherited[key])) own[key] = value;
  }
  return own as CostSettingsOverrides;
}
