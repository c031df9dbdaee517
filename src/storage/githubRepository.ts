import { and, eq, sql } from 'drizzle-orm';
import type { GithubRepository, LinkChange } from '../app/costs/ports.js';
import type { Workspace } from '../domain/workspace.js';
import type { PullRequestTimeline } from '../domain/costs/reviewTimeline.js';
import type { Db } from './database.js';
import { githubDeliveries, githubRepositories as links, pullRequestTimelines as timelines } from './schema.js';

const DATE_FIELDS = [
  'openedAt',
  'readyAt',
  'reviewRequestedAt',
  'firstReviewAt',
  'closedAt',
  'mergedAt',
  'lastActivityAt',
] as const;

export function createGithubRepository(db: Db): GithubRepository {
  /** Where a repository counts, when not in the channel that asked. */
  const elsewhere = async (workspace: Workspace, repositoryKey: string): Promise<LinkChange> => {
    const [row] = await db
      .select({ channelId: links.channelId })
      .from(links)
      .where(and(eq(links.workspaceId, workspace.workspaceId), eq(links.repositoryKey, repositoryKey)));
    return row ? { kind: 'linked_elsewhere', channelId: row.channelId } : { kind: 'not_linked' };
  };

  return {
    async link(workspace, repositoryKey, channelId, userId) {
      const rows = await db
        .insert(links)
        .values({ workspaceId: workspace.workspaceId, repositoryKey, channelId, createdBy: userId })
        .onConflictDoUpdate({
          target: [links.workspaceId, links.repositoryKey],
          set: { createdBy: userId, createdAt: sql`now()` },
          setWhere: sql`${links.channelId} = excluded.channel_id`,
        })
        .returning({ key: links.repositoryKey });
      return rows.length > 0 ? { kind: 'done' } : elsewhere(workspace, repositoryKey);
    },

    async unlink(workspace, repositoryKey, channelId) {
      const rows = await db
        .delete(links)
        .where(
          and(
            eq(links.workspaceId, workspace.workspaceId),
            eq(links.repositoryKey, repositoryKey),
            eq(links.channelId, channelId),
          ),
        )
        .returning({ key: links.repositoryKey });
      return rows.length > 0 ? { kind: 'done' } : elsewhere(workspace, repositoryKey);
    },

    async linkedTo(workspace, channelId) {
      const rows = await db
        .select({ key: links.repositoryKey })
        .from(links)
        .where(and(eq(links.workspaceId, workspace.workspaceId), eq(links.channelId, channelId)))
        .orderBy(links.repositoryKey);
      return rows.map((r) => r.key);
    },

    async channelsOf(repositoryKey) {
      const rows = await db
        .select({ workspaceId: links.workspaceId, channelId: links.channelId })
        .from(links)
        .where(eq(links.repositoryKey, repositoryKey));
      return rows.map((r) => ({
        workspace: { workspaceId: r.workspaceId, enterpriseId: null },
        channelId: r.channelId,
      }));
    },

    async firstDelivery(deliveryId, event) {
      const rows = await db
        .insert(githubDeliveries)
        .values({ deliveryId, event })
        .onConflictDoNothing()
        .returning({ id: githubDeliveries.deliveryId });
      return rows.length > 0;
    },

    async forgetDelivery(deliveryId) {
      await db.delete(githubDeliveries).where(eq(githubDeliveries.deliveryId, deliveryId));
    },

    async updateTimeline(repositoryKey, number, update) {
      return db.transaction(async (tx) => {
        // Deliveries for one pull request may arrive together at different replicas.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`pr:${repositoryKey}#${number}`}, 0))`);
        const [row] = await tx
          .select({ timeline: timelines.timeline })
          .from(timelines)
          .where(and(eq(timelines.repositoryKey, repositoryKey), eq(timelines.number, number)));
        const next = update(row ? fromJson(row.timeline) : null);
        const json = toJson(next);
        await tx
          .insert(timelines)
          .values({ repositoryKey, number, timeline: json })
          .onConflictDoUpdate({
            target: [timelines.repositoryKey, timelines.number],
            set: { timeline: json, updatedAt: sql`now()` },
          });
        return next;
      });
    },
  };
}

function toJson(timeline: PullRequestTimeline): Record<string, unknown> {
  const json: Record<string, unknown> = { ...timeline };
  for (const field of DATE_FIELDS) json[field] = timeline[field]?.toISOString() ?? null;
  return json;
}

function fromJson(json: Record<string, unknown>): PullRequestTimeline {
  const timeline: Record<string, unknown> = { ...json };
  for (const field of DATE_FIELDS) timeline[field] = typeof json[field] === 'string' ? new Date(json[field]) : null;
  return timeline as unknown as PullRequestTimeline;
}
