import { and, eq, sql } from 'drizzle-orm';
import type { ChannelSettingsRepository } from '../app/relitigation/ports.js';
import type { Workspace } from '../domain/workspace.js';
import { WATCH_SENSITIVITIES, type WatchSensitivity } from '../domain/relitigation/types.js';
import type { Db } from './database.js';
import { channelSettings } from './schema.js';

const DEFAULT_WATCH: WatchSensitivity = 'normal';
const CACHE_TTL_MS = 30_000;

/**
 * Channel settings. Read on every message, so reads are cached briefly per process; a change made
 * through this process is seen at once, one made on another replica within 30 s.
 */
export function createChannelSettingsRepository(db: Db): ChannelSettingsRepository {
  const cache = new Map<string, { watch: WatchSensitivity; expires: number }>();
  const keyOf = (workspace: Workspace, channelId: string) => `${workspace.workspaceId}:${channelId}`;
  return {
    async watch(workspace, channelId) {
      const key = keyOf(workspace, channelId);
      const cached = cache.get(key);
      if (cached && cached.expires > Date.now()) return cached.watch;
      const [row] = await db
        .select({ watch: channelSettings.watch })
        .from(channelSettings)
        .where(and(eq(channelSettings.workspaceId, workspace.workspaceId), eq(channelSettings.channelId, channelId)));
      const watch =
        row && (WATCH_SENSITIVITIES as readonly string[]).includes(row.watch)
          ? (row.watch as WatchSensitivity)
          : DEFAULT_WATCH;
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { watch, expires: Date.now() + CACHE_TTL_MS });
      return watch;
    },
    async setWatch(workspace, channelId, watch, userId) {
      await db
        .insert(channelSettings)
        .values({ workspaceId: workspace.workspaceId, channelId, watch, updatedBy: userId })
        .onConflictDoUpdate({
          target: [channelSettings.workspaceId, channelSettings.channelId],
          set: { watch, updatedBy: userId, updatedAt: sql`now()` },
        });
      cache.set(keyOf(workspace, channelId), { watch, expires: Date.now() + CACHE_TTL_MS });
    },
  };
}
