import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { CostKind, CostTotals } from '../domain/costs/sums.js';
import type { CostRepository, CostScope, NewCostEvent } from '../app/costs/ports.js';
import type { Workspace } from '../domain/workspace.js';
import type { Db } from './database.js';
import { rowsOf } from './insertDecisions.js';
import { costDaily, costEvents } from './schema.js';

type Executor = Pick<Db, 'execute'>;

/** The columns a cost adds to its day's sums. */
interface Amounts {
  workspaceId: string;
  channelId: string;
  channelPrivate: boolean;
  kind: string;
  day: string;
  currency: string;
  personHours: number;
  waitHours: number;
  mergedWaitHours: number;
  openToMergeHours: number;
  money: number;
  buildHours: number;
}

/**
 * Cost events and their daily sums (cost_daily), always changed together in one statement or
 * transaction: totals read the sums, so a quarter of a busy workspace is a few thousand rows.
 */
export function createCostRepository(db: Db): CostRepository {
  return {
    async record(event) {
      const values = eventValues(event);
      // Inserting the event and adding it to its day in one statement: a repeat (same source key)
      // inserts nothing, so it adds nothing either.
      const result = await db.execute(sql`
        with inserted as (
          insert into cost_events (workspace_id, channel_id, channel_private, kind, source, source_key, occurred_at, day, title,
            decision_id, decision_ref, person_hours, wait_hours, merged_wait_hours, open_to_merge_hours, money, build_hours, currency, inputs, created_by)
          values (${values.workspaceId}, ${values.channelId}, ${values.channelPrivate}, ${values.kind}, ${values.source},
            ${values.sourceKey}, ${values.occurredAt.toISOString()}, ${values.day}, ${values.title}, ${values.decisionId},
            ${values.decisionRef}, ${values.personHours}, ${values.waitHours}, ${values.mergedWaitHours}, ${values.openToMergeHours},
            ${values.money}, ${values.buildHours},
            ${values.currency}, ${JSON.stringify(values.inputs)}::jsonb, ${values.createdBy})
          on conflict (workspace_id, source_key) do nothing
          returning workspace_id, channel_id, channel_private, kind, day, currency, person_hours, wait_hours, merged_wait_hours, open_to_merge_hours, money, build_hours
        )
        ${addToDailySql(sql`select workspace_id, channel_id, channel_private, kind, day, currency, 1, person_hours, wait_hours, merged_wait_hours, open_to_merge_hours, money, build_hours from inserted`)}
        returning 1 as added`);
      return rowsOf(result).length > 0;
    },

    async replace(event) {
      const values = eventValues(event);
      await db.transaction(async (tx) => {
        await lockSourceKey(tx, event.workspace, event.sourceKey);
        const [old] = await tx
          .delete(costEvents)
          .where(and(eq(costEvents.workspaceId, values.workspaceId), eq(costEvents.sourceKey, values.sourceKey)))
          .returning(amountColumns);
        if (old) await addToDaily(tx, old, -1);
        await tx.insert(costEvents).values(values);
        await addToDaily(tx, values, 1);
      });
    },

    async remove(workspace, sourceKey) {
      await db.transaction(async (tx) => {
        await lockSourceKey(tx, workspace, sourceKey);
        const [old] = await tx
          .delete(costEvents)
          .where(and(eq(costEvents.workspaceId, workspace.workspaceId), eq(costEvents.sourceKey, sourceKey)))
          .returning(amountColumns);
        if (old) await addToDaily(tx, old, -1);
      });
    },

    async totals(workspace, scope, days) {
      if (days.length < 2) return [];
      // Which period a day falls in, by its edges: one scan of the daily sums for all of them.
      const period = sql.join(
        [sql`case`, ...days.slice(1).map((edge, i) => sql`when ${costDaily.day} < ${edge} then ${i}`), sql`end`],
        sql` `,
      );
      const rows = await db
        .select({
          period: sql<number>`${period}`,
          kind: costDaily.kind,
          currency: costDaily.currency,
          events: sql<number>`sum(${costDaily.events})::int`,
          personHours: sql<number>`sum(${costDaily.personHours})::float8`,
          waitHours: sql<number>`sum(${costDaily.waitHours})::float8`,
          mergedWaitHours: sql<number>`sum(${costDaily.mergedWaitHours})::float8`,
          openToMergeHours: sql<number>`sum(${costDaily.openToMergeHours})::float8`,
          money: sql<number>`sum(${costDaily.money})::float8`,
          buildHours: sql<number>`sum(${costDaily.buildHours})::float8`,
        })
        .from(costDaily)
        .where(
          and(
            eq(costDaily.workspaceId, workspace.workspaceId),
            scopeCondition(scope),
            gte(costDaily.day, days[0]!),
            lt(costDaily.day, days.at(-1)!),
          ),
        )
        .groupBy(sql`1`, costDaily.kind, costDaily.currency)
        .having(sql`sum(${costDaily.events}) > 0`);
      const periods: CostTotals[][] = days.slice(1).map(() => []);
      for (const r of rows) {
        periods[Number(r.period)]!.push({
          kind: r.kind as CostKind,
          currency: r.currency,
          events: Number(r.events),
          personHours: Number(r.personHours),
          waitHours: Number(r.waitHours),
          mergedWaitHours: Number(r.mergedWaitHours),
          openToMergeHours: Number(r.openToMergeHours),
          money: Number(r.money),
          buildHours: Number(r.buildHours),
        });
      }
      return periods;
    },

    async decisionTotals(workspace, channelId, fromDay, toDay, limit) {
      const money = sql<number>`sum(${costEvents.money})::float8`;
      const rows = await db
        .select({
          decisionId: sql<string>`${costEvents.decisionId}::text`,
          decisionRef: sql<number>`max(${costEvents.decisionRef})::int`,
          currency: costEvents.currency,
          threads: sql<number>`count(*)::int`,
          personHours: sql<number>`sum(${costEvents.personHours})::float8`,
          money,
          buildHours: sql<number>`sum(${costEvents.buildHours})::float8`,
        })
        .from(costEvents)
        .where(
          and(
            eq(costEvents.workspaceId, workspace.workspaceId),
            eq(costEvents.channelId, channelId),
            eq(costEvents.kind, 'relitigation'),
            gte(costEvents.day, fromDay),
            lt(costEvents.day, toDay),
            sql`${costEvents.decisionId} is not null`,
          ),
        )
        .groupBy(costEvents.decisionId, costEvents.currency)
        .orderBy(desc(money))
        .limit(limit);
      return rows.map((r) => ({
        decisionId: r.decisionId,
        decisionRef: Number(r.decisionRef),
        threads: Number(r.threads),
        personHours: Number(r.personHours),
        money: Number(r.money),
        buildHours: Number(r.buildHours),
        currency: r.currency,
      }));
    },
  };
}

function eventValues(event: NewCostEvent) {
  return {
    workspaceId: event.workspace.workspaceId,
    channelId: event.channelId,
    channelPrivate: event.channelPrivate,
    kind: event.kind,
    source: event.source,
    sourceKey: event.sourceKey,
    occurredAt: event.occurredAt,
    day: event.day,
    title: event.title,
    decisionId: event.decision?.id ?? null,
    decisionRef: event.decision?.ref ?? null,
    personHours: event.personHours,
    waitHours: event.waitHours,
    mergedWaitHours: event.mergedWaitHours ?? 0,
    openToMergeHours: event.openToMergeHours ?? 0,
    money: event.money,
    buildHours: event.buildHours,
    currency: event.currency,
    inputs: event.inputs,
    createdBy: event.createdBy,
  };
}

const amountColumns = {
  workspaceId: costEvents.workspaceId,
  channelId: costEvents.channelId,
  channelPrivate: costEvents.channelPrivate,
  kind: costEvents.kind,
  day: costEvents.day,
  currency: costEvents.currency,
  personHours: costEvents.personHours,
  waitHours: costEvents.waitHours,
  mergedWaitHours: costEvents.mergedWaitHours,
  openToMergeHours: costEvents.openToMergeHours,
  money: costEvents.money,
  buildHours: costEvents.buildHours,
};

function scopeCondition(scope: CostScope): SQL {
  return scope.kind === 'channel' ? eq(costDaily.channelId, scope.channelId) : sql`not ${costDaily.channelPrivate}`;
}

/** `insert into cost_daily … on conflict add`, for rows (workspace, channel, private, kind, day, currency, events, amounts…). */
function addToDailySql(rows: SQL): SQL {
  return sql`
    insert into cost_daily (workspace_id, channel_id, channel_private, kind, day, currency, events, person_hours, wait_hours,
      merged_wait_hours, open_to_merge_hours, money, build_hours)
    ${rows}
    on conflict (workspace_id, channel_id, day, kind, currency) do update set
      events = cost_daily.events + excluded.events,
      person_hours = cost_daily.person_hours + excluded.person_hours,
      wait_hours = cost_daily.wait_hours + excluded.wait_hours,
      merged_wait_hours = cost_daily.merged_wait_hours + excluded.merged_wait_hours,
      open_to_merge_hours = cost_daily.open_to_merge_hours + excluded.open_to_merge_hours,
      money = cost_daily.money + excluded.money,
      build_hours = cost_daily.build_hours + excluded.build_hours`;
}

async function addToDaily(tx: Executor, a: Amounts, sign: 1 | -1): Promise<void> {
  await tx.execute(
    addToDailySql(sql`values (${a.workspaceId}, ${a.channelId}, ${a.channelPrivate}, ${a.kind}, ${a.day}, ${a.currency}, ${sign},
      ${sign * a.personHours}, ${sign * a.waitHours}, ${sign * a.mergedWaitHours}, ${sign * a.openToMergeHours},
      ${sign * a.money}, ${sign * a.buildHours})`),
  );
}

/** Serialises replacements of one source key across connections and replicas, until commit. */
async function lockSourceKey(tx: Executor, workspace: Workspace, sourceKey: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`cost:${workspace.workspaceId}:${sourceKey}`}, 0))`,
  );
}
