import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CostSettingsRepository } from '../app/costs/ports.js';
import { COST_SETTING_KEYS, type CostSettingsOverrides } from '../domain/costs/costSettings.js';
import type { Db } from './database.js';
import { costSettings } from './schema.js';

/** The workspace's own overrides live under this channel id. */
const WORKSPACE_ROW = '';

export function createCostSettingsRepository(db: Db): CostSettingsRepository {
  return {
    async overrides(workspace, channelId) {
      const rows = await db
        .select({ channelId: costSettings.channelId, overrides: costSettings.overrides })
        .from(costSettings)
        .where(
          and(
            eq(costSettings.workspaceId, workspace.workspaceId),
            inArray(costSettings.channelId, [WORKSPACE_ROW, channelId]),
          ),
        );
      const of = (id: string) => knownFields(rows.find((r) => r.channelId === id)?.overrides);
      return { workspace: of(WORKSPACE_ROW), channel: channelId === WORKSPACE_ROW ? {} : of(channelId) };
    },

    async save(workspace, channelId, overrides, userId) {
      const row = {
        workspaceId: workspace.workspaceId,
        channelId: channelId ?? WORKSPACE_ROW,
        overrides: knownFields(overrides),
        updatedBy: userId,
      };
      await db
        .insert(costSettings)
        .values(row)
        .onConflictDoUpdate({
          target: [costSettings.workspaceId, costSettings.channelId],
          set: { overrides: row.overrides, updatedBy: userId, updatedAt: sql`now()` },
        });
    },
  };
}

// Only fields the model knows are kept: a stored key from an older version must not reach it.
function knownFields(stored: Record<string, unknown> | CostSettingsOverrides | undefined): CostSettingsOverrides {
  const kept: Record<string, unknown> = {};
  for (const key of COST_SETTING_KEYS) {
    const value = (stored as Record<string, unknown> | undefined)?.[key];
    if (value !== undefined && value !== null) kept[key] = value;
  }
  return kept as CostSettingsOverrides;
}
