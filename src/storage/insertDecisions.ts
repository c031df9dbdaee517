import { sql } from 'drizzle-orm';
import type { NewDecision } from '../app/decisions/ports.js';
import type { Db } from './database.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Inserts one workspace's new decisions in a single statement: skips those whose idempotency key
 * is already recorded, takes the next refs from the workspace's counter (the upsert locks that row
 * until commit, so refs are sequential and gap-free), writes the rows and their "created" audit
 * events. Returns what it inserted, by idempotency key; the other keys were recorded before.
 *
 * One statement instead of a round trip per step is what makes a write cheap on PGlite, where
 * every statement costs a round trip to its one backend.
 */
export interface InsertedDecision {
  id: string;
  ref: number;
  createdAt: Date;
}

export async function insertWorkspaceDecisions(
  tx: Tx | Db,
  inputs: NewDecision[],
): Promise<Map<string, InsertedDecision>> {
  const { workspaceId, enterpriseId } = inputs[0]!.workspace;
  const values = sql.join(
    inputs.map(
      ({ content: c, source: s, ...input }, ord) => sql`(
        ${ord}::int, ${c.title}::text, ${c.context}::text, ${c.rationale}::text, ${c.consequences}::text,
        ${JSON.stringify(c.alternatives)}::jsonb, ${JSON.stringify(c.aliases)}::jsonb, ${JSON.stringify(c.deciders)}::jsonb, ${JSON.stringify(c.tags)}::jsonb,
        ${c.status}::text, ${c.decidedOn}::date, ${c.revisitOn}::date,
        ${s.channelId}::text, ${s.channelPrivate}::boolean, ${s.messageTs}::text, ${s.threadTs}::text, ${s.permalink}::text,
        ${JSON.stringify(s.participants)}::jsonb, ${input.createdBy}::text, ${input.origin}::text, ${input.idempotencyKey}::text)`,
    ),
    sql`, `,
  );
  const result = await tx.execute(sql`
    with input (ord, title, context, rationale, consequences, alternatives, aliases, deciders, tags, status, decided_on, revisit_on,
                channel_id, channel_private, source_message_ts, source_thread_ts, source_permalink, participants,
                created_by, origin, idempotency_key) as (values ${values}),
    fresh as (
      select input.*, row_number() over (order by ord) as n from input
      where not exists (select 1 from decisions d where d.workspace_id = ${workspaceId} and d.idempotency_key = input.idempotency_key)
    ),
    counter as (
      insert into workspaces (workspace_id, enterprise_id, next_ref)
      select ${workspaceId}, ${enterpriseId}::text, count(*) + 1 from fresh having count(*) > 0
      on conflict (workspace_id) do update set next_ref = workspaces.next_ref + excluded.next_ref - 1
      returning next_ref
    ),
    inserted as (
      insert into decisions (workspace_id, enterprise_id, ref, title, context, rationale, consequences, alternatives, aliases, deciders,
                             tags, status, decided_on, revisit_on, channel_id, channel_private, source_message_ts,
                             source_thread_ts, source_permalink, participants, created_by, origin, idempotency_key)
      select ${workspaceId}, ${enterpriseId}::text, counter.next_ref - (select count(*) from fresh) + fresh.n - 1,
             title, context, rationale, consequences, alternatives, aliases, deciders, tags, status, decided_on, revisit_on,
             channel_id, channel_private, source_message_ts, source_thread_ts, source_permalink, participants,
             created_by, origin, idempotency_key
      from fresh cross join counter
      on conflict (workspace_id, idempotency_key) do nothing
      returning id, ref, status, origin, created_by, idempotency_key, created_at
    ),
    events as (
      insert into decision_events (workspace_id, decision_id, actor, action, detail)
      select ${workspaceId}, id, created_by, 'created', jsonb_build_object('ref', ref, 'origin', origin, 'status', status)
      from inserted
    )
    select idempotency_key, id::text as id, ref::int as ref, (extract(epoch from created_at) * 1000)::float8 as created_ms
    from inserted`);
  // Only plain types come back (text, int, float8): both drivers parse them alike.
  type Returned = { idempotency_key: string; id: string; ref: number; created_ms: number };
  return new Map(
    rowsOf<Returned>(result).map((r) => [
      r.idempotency_key,
      { id: r.id, ref: Number(r.ref), createdAt: new Date(Number(r.created_ms)) },
    ]),
  );
}

/** postgres.js answers raw queries with an array of rows, PGlite with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}
