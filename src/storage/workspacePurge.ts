import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { WorkspaceDataCounts, WorkspacePurgeRepository } from '../app/workspace/ports.js';
import type { Db } from './database.js';
import { rowsOf } from './insertDecisions.js';
import {
  calendarSubscriptions,
  channelSettings,
  costDaily,
  costEvents,
  costSettings,
  decisionEvents,
  decisions,
  digestRuns,
  digestSchedules,
  githubRepositories,
  pullRequestTimelines,
  relitigationJudgements,
  relitigationThreadMessages,
  workspaces,
} from './schema.js';

/**
 * Every row a workspace owns, by kind: one entry per table with a `workspace_id` column
 * (test/integration/workspacePurge.test.ts fails when a table is added without one here), plus
 * the pull-request timelines only this workspace's links brought in.
 *
 * Left out on purpose:
 * - decision_terms: word counts kept by triggers on `decisions` (migration 0008); deleting the
 *   decisions empties them, and they are not data anyone recorded.
 * - decision_index: what the relitigation model derived from each decision; deleted with it (on
 *   delete cascade, migration 0013).
 * - slack_installations: the installation goes when the app is uninstalled, not with the data; after
 *   a purge the app keeps working for the workspace.
 * - github_deliveries: delivery ids GitHub already sent, with no repository or workspace on them.
 *   They are what stops a redelivery being counted twice in the other workspaces linked to the same
 *   repository, and hold nothing of this workspace's.
 * - pull_request_timelines of a repository another workspace links too: that workspace's review
 *   waits are computed from them.
 */
function ownedRows(workspaceId: string): Record<keyof WorkspaceDataCounts, { table: PgTable; where: SQL }> {
  const own = (table: PgTable & { workspaceId: PgColumn }) => ({
    table,
    where: sql`${table.workspaceId} = ${workspaceId}`,
  });
  const links = githubRepositories;
  return {
    decisions: own(decisions),
    decisionHistory: own(decisionEvents),
    judgements: own(relitigationJudgements),
    threadMessages: own(relitigationThreadMessages),
    costEvents: own(costEvents),
    dailyCostTotals: own(costDaily),
    channelSettings: own(channelSettings),
    costSettings: own(costSettings),
    workspaceRecord: own(workspaces),
    calendarFeeds: own(calendarSubscriptions),
    githubLinks: own(links),
    pullRequestTimelines: {
      table: pullRequestTimelines,
      where: sql`${pullRequestTimelines.repositoryKey} in (select ${links.repositoryKey} from ${links} where ${links.workspaceId} = ${workspaceId})
        and not exists (select 1 from ${links} other where other.repository_key = ${pullRequestTimelines.repositoryKey} and other.workspace_id <> ${workspaceId})`,
    },
    digestSchedules: own(digestSchedules),
    digestRuns: own(digestRuns),
  };
}

export function createWorkspacePurge(db: Db): WorkspacePurgeRepository {
  return {
    async counts(workspace) {
      const kinds = Object.entries(ownedRows(workspace.workspaceId));
      const columns = kinds.map(
        ([kind, { table, where }]) =>
          sql`(select count(*) from ${table} where ${where})::int as ${sql.identifier(kind)}`,
      );
      return firstRow(await db.execute(sql`select ${sql.join(columns, sql`, `)}`));
    },

    async purge(workspace) {
      const id = workspace.workspaceId;
      const kinds = Object.entries(ownedRows(id));
      const deletes = kinds.map(
        ([, { table, where }], i) =>
          sql`${sql.identifier(`deleted_${i}`)} as (delete from ${table} where ${where} returning 1)`,
      );
      const columns = kinds.map(
        ([kind], i) => sql`(select count(*) from ${sql.identifier(`deleted_${i}`)})::int as ${sql.identifier(kind)}`,
      );
      return db.transaction(async (tx) => {
        // Writers bump two kinds of shared row while they add others: the decision counter and a day's
        // cost sums. Locked first, a writer already holding one commits before the deletes read (so its
        // rows are seen and deleted), and a later one waits for the purge and starts afresh. Without
        // it a decision recorded meanwhile could outlive its counter, and D-1 would one day collide.
        await tx.execute(sql`select 1 from ${workspaces} where ${workspaces.workspaceId} = ${id} for update`);
        await tx.execute(sql`select 1 from ${costDaily} where ${costDaily.workspaceId} = ${id} for update`);
        // One statement: every delete sees the same rows (the timelines' "linked by no other
        // workspace" reads the links before they go). A second purge — a double click — waits on the
        // locks above, then finds nothing left to delete.
        return firstRow(await tx.execute(sql`with ${sql.join(deletes, sql`, `)} select ${sql.join(columns, sql`, `)}`));
      });
    },
  };
}

function firstRow(result: unknown): WorkspaceDataCounts {
  const [row] = rowsOf<Record<keyof WorkspaceDataCounts, number | string>>(result);
  // count(*)::int arrives as a number from both drivers; Number() keeps that true if one ever changes.
  return Object.fromEntries(
    Object.entries(row!).map(([kind, n]) => [kind, Number(n)]),
  ) as unknown as WorkspaceDataCounts;
}
