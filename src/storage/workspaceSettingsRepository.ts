import { eq } from 'drizzle-orm';
import type { WorkspaceSettingsRepository } from '../app/workspace/ports.js';
import type { Db } from './database.js';
import { workspaces } from './schema.js';

const CACHE_TTL_MS = 30_000;

/** Workspace settings, kept on the workspace's row; read per message, so cached briefly per process. */
export function createWorkspaceSettingsRepository(db: Db): WorkspaceSettingsRepository {
  const cache = new Map<string, { optIn: boolean; expires: number }>();
  return {
    async llmOptIn(workspace) {
      const cached = cache.get(workspace.workspaceId);
      if (cached && cached.expires > Date.now()) return cached.optIn;
      const [row] = await db
        .select({ optIn: workspaces.llmOptIn })
        .from(workspaces)
        .where(eq(workspaces.workspaceId, workspace.workspaceId));
      const optIn = row?.optIn ?? false;
      if (cache.size > 10_000) cache.clear();
      cache.set(workspace.workspaceId, { optIn, expires: Date.now() + CACHE_TTL_MS });
      return optIn;
    },
    async setLlmOptIn(workspace, optIn) {
      await db
        .insert(workspaces)
        .values({ workspaceId: workspace.workspaceId, enterpriseId: workspace.enterpriseId, llmOptIn: optIn })
        .onConflictDoUpdate({ target: workspaces.workspaceId, set: { llmOptIn: optIn } });
      cache.set(workspace.workspaceId, { optIn, expires: Date.now() + CACHE_TTL_MS });
    },
  };
}
