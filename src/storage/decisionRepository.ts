import { and, asc, desc, eq, getTableColumns, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DecisionRepository, NewDecision, SupersedeOutcome } from '../app/decisions/ports.js';
import type { Page, Viewer, Workspace } from '../domain/workspace.js';
import type { Decision, DecisionEvent, DecisionOrigin, DecisionStatus } from '../domain/decision.js';
import type { Db } from './database.js';
import { isUniqueViolation } from './postgresErrors.js';
import { groupCommit } from './groupCommit.js';
import { type InsertedDecision, insertWorkspaceDecisions } from './insertDecisions.js';
import { decisionEvents, decisions, workspaces } from './schema.js';

// Every column but the tsvector, which only the database needs.
const { search: _search, matchText: _matchText, ...decisionColumns } = getTableColumns(decisions);
type Row = Omit<typeof decisions.$inferSelect, 'search' | 'matchText'>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The only SQL that touches decisions and their audit history. */
export function createDecisionRepository(db: Db): DecisionRepository {
  const record = groupCommit((inputs: NewDecision[]) => recordBatch(db, inputs));
  const attachCard = groupCommit((cards: CardToAttach[]) => attachCards(db, cards));

  const repository: DecisionRepository = {
    record,

    async supersede(input): Promise<SupersedeOutcome> {
      const existing = await findByKey(db, input.workspace, input.idempotencyKey);
      if (existing?.supersedes) {
        const previous = await findOne(db, input.workspace, eq(decisions.id, existing.supersedes.id));
        if (previous) return { kind: 'superseded', previous, current: existing, created: false };
      }
      try {
        return await db.transaction(async (tx) => {
          // Lock the old record so two supersedes of it cannot both win.
          const [old] = await tx
            .select(decisionColumns)
            .from(decisions)
            .where(and(scope(input.workspace), eq(decisions.ref, input.ref), visibleTo(input.viewer)))
            .for('update');
          if (!old) return { kind: 'not_found' } as const;
          if (old.supersededById) return { kind: 'already_superseded', previous: toDecision(old) } as const;
          // The new record would live in the superseding channel: from another one (a private one,
          // say) it would hang a record that channel alone can see on a decision others rely on.
          if (old.channelId !== input.source.channelId)
            return { kind: 'other_channel', previous: toDecision(old) } as const;
          const current = await insertDecision(tx, input, { supersedesId: old.id, supersedesRef: old.ref });
          const [updated] = await tx
            .update(decisions)
            .set({
              status: 'superseded',
              supersededById: current.id,
              supersededByRef: current.ref,
              updatedAt: new Date(),
            })
            .where(eq(decisions.id, old.id))
            .returning(decisionColumns);
          await tx.insert(decisionEvents).values({
            workspaceId: input.workspace.workspaceId,
            decisionId: old.id,
            actor: input.createdBy,
            action: 'superseded',
            detail: { by: current.ref, previousStatus: old.status },
          });
          return { kind: 'superseded', previous: toDecision(updated!), current, created: true } as const;
        });
      } catch (error) {
        // A retry of this same supersede committed first: answer with its result.
        if (!isUniqueViolation(error)) throw error;
        return repository.supersede(input);
      }
    },

    async makeChannelPrivate(workspace, channelId) {
      const rows = await db
        .update(decisions)
        .set({ channelPrivate: true, updatedAt: new Date() })
        .where(and(scope(workspace), eq(decisions.channelId, channelId), eq(decisions.channelPrivate, false)))
        .returning({ id: decisions.id });
      return rows.length;
    },

    findByRef: (workspace, ref, viewer) => findOne(db, workspace, and(eq(decisions.ref, ref), visibleTo(viewer))!),

    findBySourceMessage: (workspace, channelId, messageTs) =>
      findOne(db, workspace, and(eq(decisions.channelId, channelId), eq(decisions.sourceMessageTs, messageTs))!),

    async list(workspace, filter, viewer, page) {
      const conditions: SQL[] = [scope(workspace), visibleTo(viewer)];
      if (filter.tag) conditions.push(sql`${decisions.tags} @> ${JSON.stringify([filter.tag])}::jsonb`);
      if (filter.status) conditions.push(eq(decisions.status, filter.status));
      return pageOf(db, and(...conditions)!, [desc(decisions.ref)], page);
    },

    async search(workspace, query, viewer, page) {
      const tsquery = toPrefixTsQuery(query);
      // Words by prefix through the full-text index; any other run of 3+ characters ("k8s", "ci/cd")
      // inside a title, alternative, alias or tag through the trigram index on match_text. (An ILIKE on
      // the title alone read every decision of the workspace: no index serves it.)
      const needle = query.trim().toLowerCase();
      const matches: SQL[] = [];
      if (needle.length >= 3) matches.push(sql`${decisions.matchText} like ${`%${escapeLike(needle)}%`}`);
      if (tsquery) matches.push(sql`${decisions.search} @@ to_tsquery('english', ${tsquery})`);
      if (matches.length === 0) return { items: [], total: 0, offset: page.offset };
      const order = tsquery
        ? [desc(sql`ts_rank(${decisions.search}, to_tsquery('english', ${tsquery}))`), desc(decisions.ref)]
        : [desc(decisions.ref)];
      return pageOf(db, and(scope(workspace), visibleTo(viewer), or(...matches))!, order, page);
    },

    async recentForUser(workspace, userId, limit) {
      const rows = await db
        .select(decisionColumns)
        .from(decisions)
        .where(
          and(
            scope(workspace),
            visibleTo({ kind: 'user', userId }),
            or(eq(decisions.createdBy, userId), sql`${decisions.deciders} @> ${JSON.stringify([userId])}::jsonb`),
          ),
        )
        .orderBy(desc(decisions.ref))
        .limit(limit);
      return rows.map(toDecision);
    },

    async history(workspace, decisionId) {
      const rows = await db
        .select()
        .from(decisionEvents)
        .where(and(eq(decisionEvents.workspaceId, workspace.workspaceId), eq(decisionEvents.decisionId, decisionId)))
        .orderBy(asc(decisionEvents.at), asc(decisionEvents.id));
      return rows.map(
        (r): DecisionEvent => ({
          actor: r.actor,
          action: r.action as DecisionEvent['action'],
          detail: r.detail,
          at: r.at,
        }),
      );
    },

    attachCard: (workspace, decisionId, card) =>
      attachCard({ workspaceId: workspace.workspaceId, decisionId, ...card }),

    async setUnderReview(workspace, decisionId, review, actor) {
      return db.transaction(async (tx) => {
        const changed = await tx
          .update(decisions)
          .set({ underReviewSince: review === 'reopened' ? sql`now()` : null, updatedAt: new Date() })
          .where(
            and(
              scope(workspace),
              eq(decisions.id, decisionId),
              review === 'reopened'
                ? sql`${decisions.underReviewSince} is null`
                : sql`${decisions.underReviewSince} is not null`,
            ),
          )
          .returning({ id: decisions.id });
        if (changed.length === 0) return false;
        await tx
          .insert(decisionEvents)
          .values({ workspaceId: workspace.workspaceId, decisionId, actor, action: review, detail: {} });
        return true;
      });
    },
  };
  return repository;
}

/**
 * Records a batch (see groupCommit), one statement per workspace. Each key is reported created
 * once; repeats in the batch, and keys recorded before, get the existing record (the only case
 * that reads rows back).
 *
 * One workspace's statement is atomic on its own, and a batch from one workspace (every batch of a
 * single team) runs without a transaction: BEGIN and COMMIT would be two more round trips per
 * batch. A batch that spans workspaces is one transaction, so that when one workspace's statement
 * fails, none is kept and the retry one by one reports every decision created as created.
 */
async function recordBatch(db: Db, inputs: NewDecision[]): Promise<{ decision: Decision; created: boolean }[]> {
  const byWorkspace = new Map<string, NewDecision[]>();
  for (const input of inputs) {
    const group = byWorkspace.get(input.workspace.workspaceId) ?? [];
    if (!group.some((g) => g.idempotencyKey === input.idempotencyKey)) group.push(input);
    byWorkspace.set(input.workspace.workspaceId, group);
  }
  const keyOf = (workspaceId: string, idempotencyKey: string) => `${workspaceId}\u0000${idempotencyKey}`;
  const created = new Map<string, Decision>();
  const existing = new Map<string, Decision>();
  const insertAll = async (tx: Tx | Db) => {
    for (const [workspaceId, group] of byWorkspace) {
      const inserted = await insertWorkspaceDecisions(tx, group);
      for (const input of group) {
        const row = inserted.get(input.idempotencyKey);
        if (row) created.set(keyOf(workspaceId, input.idempotencyKey), newDecision(input, row));
      }
      const recordedBefore = group.filter((g) => !inserted.has(g.idempotencyKey)).map((g) => g.idempotencyKey);
      if (recordedBefore.length === 0) continue;
      const rows = await tx
        .select(decisionColumns)
        .from(decisions)
        .where(and(eq(decisions.workspaceId, workspaceId), inArray(decisions.idempotencyKey, recordedBefore)));
      for (const row of rows) existing.set(keyOf(workspaceId, row.idempotencyKey), toDecision(row));
    }
  };
  if (byWorkspace.size === 1) await insertAll(db);
  else await db.transaction(insertAll);
  return inputs.map((input) => {
    const key = keyOf(input.workspace.workspaceId, input.idempotencyKey);
    const fresh = created.get(key);
    if (fresh) {
      // A repeat of this key later in the batch gets the same record, as not created.
      created.delete(key);
      existing.set(key, fresh);
      return { decision: fresh, created: true };
    }
    const decision = existing.get(key);
    if (!decision) throw new Error('a recorded decision could not be read back');
    return { decision, created: false };
  });
}

/** The record just inserted, from what was written plus what the database assigned. */
function newDecision(input: NewDecision, inserted: InsertedDecision): Decision {
  return {
    ...input.content,
    id: inserted.id,
    underReviewSince: null,
    workspaceId: input.workspace.workspaceId,
    ref: inserted.ref,
    source: input.source,
    cardTs: null,
    cardPermalink: null,
    supersedes: null,
    supersededBy: null,
    createdBy: input.createdBy,
    origin: input.origin,
    createdAt: inserted.createdAt,
  };
}

type CardToAttach = { workspaceId: string; decisionId: string; ts: string; permalink: string | null };

/** Remembers where decision cards were posted, a batch in one statement. */
async function attachCards(db: Db, cards: CardToAttach[]): Promise<undefined[]> {
  const values = sql.join(
    cards.map((c) => sql`(${c.workspaceId}::text, ${c.decisionId}::uuid, ${c.ts}::text, ${c.permalink}::text)`),
    sql`, `,
  );
  await db.execute(sql`
    update decisions set card_ts = card.ts, card_permalink = card.permalink, updated_at = now()
    from (values ${values}) as card (workspace_id, id, ts, permalink)
    where decisions.workspace_id = card.workspace_id and decisions.id = card.id`);
  return cards.map(() => undefined);
}

async function insertDecision(
  tx: Tx | Db,
  input: NewDecision,
  link: { supersedesId?: string; supersedesRef?: number },
): Promise<Decision> {
  const { workspace, content, source } = input;
  // The upsert takes the workspace row's lock until commit, so refs are handed out one at a time, gap-free.
  const [counter] = await tx
    .insert(workspaces)
    .values({ workspaceId: workspace.workspaceId, enterpriseId: workspace.enterpriseId, nextRef: 2 })
    .onConflictDoUpdate({ target: workspaces.workspaceId, set: { nextRef: sql`${workspaces.nextRef} + 1` } })
    .returning({ nextRef: workspaces.nextRef });
  const [row] = await tx
    .insert(decisions)
    .values({
      workspaceId: workspace.workspaceId,
      enterpriseId: workspace.enterpriseId,
      ref: counter!.nextRef - 1,
      title: content.title,
      context: content.context,
      rationale: content.rationale,
      consequences: content.consequences,
      alternatives: content.alternatives,
      aliases: content.aliases,
      deciders: content.deciders,
      tags: content.tags,
      status: content.status,
      decidedOn: content.decidedOn,
      revisitOn: content.revisitOn,
      channelId: source.channelId,
      channelPrivate: source.channelPrivate,
      sourceMessageTs: source.messageTs,
      sourceThreadTs: source.threadTs,
      sourcePermalink: source.permalink,
      participants: source.participants,
      createdBy: input.createdBy,
      origin: input.origin,
      idempotencyKey: input.idempotencyKey,
      ...link,
    })
    .returning(decisionColumns);
  const decision = toDecision(row!);
  await tx.insert(decisionEvents).values({
    workspaceId: workspace.workspaceId,
    decisionId: decision.id,
    actor: input.createdBy,
    action: link.supersedesRef ? 'supersedes' : 'created',
    detail: {
      ref: decision.ref,
      origin: input.origin,
      status: content.status,
      ...(link.supersedesRef ? { supersedes: link.supersedesRef } : {}),
    },
  });
  return decision;
}

function scope(workspace: Workspace): SQL {
  return eq(decisions.workspaceId, workspace.workspaceId);
}

/** The privacy rule in one place: private decisions stay in their channel (or with their author, in App Home). */
function visibleTo(viewer: Viewer): SQL {
  if (viewer.kind === 'channel' && viewer.isolated) return eq(decisions.channelId, viewer.channelId);
  return viewer.kind === 'channel'
    ? or(eq(decisions.channelPrivate, false), eq(decisions.channelId, viewer.channelId))!
    : or(eq(decisions.channelPrivate, false), eq(decisions.createdBy, viewer.userId))!;
}

async function findByKey(db: Db, workspace: Workspace, key: string): Promise<Decision | null> {
  return findOne(db, workspace, eq(decisions.idempotencyKey, key));
}

async function findOne(db: Db, workspace: Workspace, condition: SQL): Promise<Decision | null> {
  const [row] = await db
    .select(decisionColumns)
    .from(decisions)
    .where(and(scope(workspace), condition))
    .limit(1);
  return row ? toDecision(row) : null;
}

/**
 * One page of the decisions matching `where`, and how many match in all. Two statements, not a
 * `count(*) over ()` window: that materialised every matching row (the whole log, for a plain list)
 * to count it, while the page alone stops after `limit` rows and the count reads no row's text.
 */
async function pageOf(
  db: Db,
  where: SQL,
  order: SQL[],
  page: { limit: number; offset: number },
): Promise<Page<Decision>> {
  const [rows, [counted]] = await Promise.all([
    db
      .select(decisionColumns)
      .from(decisions)
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(decisions).where(where),
  ]);
  return { items: rows.map(toDecision), total: Number(counted?.total ?? 0), offset: page.offset };
}

/** Words (any script) → `word:* & other:*`, so "strip" finds "Stripe"; nothing else reaches to_tsquery. */
export function toPrefixTsQuery(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = words.slice(0, 12).map((w) => `${w.toLowerCase()}:*`);
  return terms.length > 0 ? terms.join(' & ') : null;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toDecision(row: Row): Decision {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    ref: row.ref,
    title: row.title,
    context: row.context,
    rationale: row.rationale,
    consequences: row.consequences,
    alternatives: row.alternatives,
    aliases: row.aliases,
    underReviewSince: row.underReviewSince,
    deciders: row.deciders,
    tags: row.tags,
    status: row.status as DecisionStatus,
    decidedOn: row.decidedOn,
    revisitOn: row.revisitOn,
    source: {
      channelId: row.channelId,
      channelPrivate: row.channelPrivate,
      messageTs: row.sourceMessageTs,
      threadTs: row.sourceThreadTs,
      permalink: row.sourcePermalink,
      participants: row.participants,
    },
    cardTs: row.cardTs,
    cardPermalink: row.cardPermalink,
    supersedes: row.supersedesId && row.supersedesRef ? { id: row.supersedesId, ref: row.supersedesRef } : null,
    supersededBy:
      row.supersededById && row.supersededByRef ? { id: row.supersededById, ref: row.supersededByRef } : null,
    createdBy: row.createdBy,
    origin: row.origin as DecisionOrigin,
    createdAt: row.createdAt,
  };
}
