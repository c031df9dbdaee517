import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { CostKind, CostTotals } from '../domain/costs/sums.js';
import type { CostRepository, CostScope, NewCostEvent } from '../app/costs/ports.js';
import type { Workspace } from '../domain/workspace.js';
import type { Db } from './database.js';
import { rowsOf } from './insertDecisions.js';
import { periodCut } from './costPeriods.js';
import { costEvents } from './schema.js';

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

    async totals(workspace, scope, edges, timeZone) {
      if (edges.length < 2) return [];
      const cut = periodCut(edges, timeZone);
      const inScope = sql`workspace_id = ${workspace.workspaceId} and ${scopeCondition(scope)}`;
      const amounts = sql`kind, currency, person_hours, wait_hours, merged_wait_hours, open_to_merge_hours, money, build_hours`;
      // Whole days from their sums; the days an edge cuts through from their events, one scan each.
      const cutDays =
        cut.cutDays.length > 0
          ? sql`union all select ${cut.periodOfEvent} as period, 1 as events, ${amounts}
              from cost_events where ${inScope} and ${cut.eventsOnCutDays}`
          : sql``;
      const rows = rowsOf<{
        period: number;
        kind: string;
        currency: string;
        events: number;
        person_hours: number;
        wait_hours: number;
        merged_wait_hours: number;
        open_to_merge_hours: number;
        money: number;
        build_hours: number;
      }>(
        await db.execute(sql`
          select period, kind, currency, sum(events)::int as events, sum(person_hours)::float8 as person_hours,
            sum(wait_hours)::float8 as wait_hours, sum(merged_wait_hours)::float8 as merged_wait_hours,
            sum(open_to_merge_hours)::float8 as open_to_merge_hours, sum(money)::float8 as money,
            sum(build_hours)::float8 as build_hours
          from (
            select ${cut.periodOfDay} as period, events, ${amounts}
            from cost_daily where ${inScope} and ${cut.wholeDays}
            ${cutDays}
          ) as costs
          group by period, kind, currency
          having sum(events) > 0`),
      );
      const periods: CostTotals[][] = edges.slice(1).map(() => []);
      for (const r of rows) {
        periods[Number(r.period)]!.push({
          kind: r.kind as CostKind,
          currency: r.currency,
          events: Number(r.events),
          personHours: Number(r.person_hours),
          waitHours: Number(r.wait_hours),
          mergedWaitHours: Number(r.merged_wait_hours),
          openToMergeHours: Number(r.open_to_merge_hours),
          money: Number(r.money),
          buildHours: Number(r.build_hours),
        });
      }
      // The same order whichever rows the database met first.
      for (const totals of periods)
        totals.sort((a, b) => a.kind.localeCompare(b.kind) || a.currency.localeCompare(b.currency));
      return periods;
    },

    async decisionTotals(workspace, channelId, period, timeZone, limit) {
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
            periodCut([period.start, period.end], timeZone).eventsWithin,
            sql`${costEvents.decisionId} is not null`,
          ),
        )
        .groupBy(costEvents.decisionId, costEvents.currency)
        .orderBy(desc(money), costEvents.decisionId)
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

/** Columns both cost_daily and cost_events have. */
function scopeCondition(scope: CostScope): SQL {
  return scope.kind === 'channel' ? sql`channel_id = ${scope.channelId}` : sql`not channel_private`;
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
