import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { AdrRepository } from '../app/adr/ports.js';
import type { AdrDocument } from '../domain/adr/adrDocument.js';
import type { Db } from './database.js';
import { insertWorkspaceDecisions } from './insertDecisions.js';
import { decisionEvents, decisions, relitigationJudgements as judgements } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decisions that came from (or go to) ADR files: imported by file path, exported with their links. */
export function createAdrRepository(db: Db): AdrRepository {
  return {
    async upsertImported(input) {
      const { workspace, path, hash, decision, document } = input;
      return db.transaction(async (tx) => {
        const find = (where: SQL | undefined) =>
          tx
            .select({
              id: decisions.id,
              ref: decisions.ref,
              hash: decisions.importHash,
              links: sql<unknown>`${decisions.adrDocument}->'links'`,
            })
            .from(decisions)
            .where(and(eq(decisions.workspaceId, workspace.workspaceId), where))
            .orderBy(asc(decisions.ref))
            .limit(1)
            .for('update');
        const origin = document.originId;
        let [existing] = await find(eq(decisions.importPath, path));
        if (!existing && origin !== null) {
          const sameOrigin = sql`${decisions.adrDocument}->>'originId' = ${origin}`;
          // Only a uuid can be compared with an id; any other x-id can only be another record's origin.
          [existing] = await find(UUID.test(origin) ? or(eq(decisions.id, origin), sameOrigin) : sameOrigin);
        }
        if (existing && existing.hash === hash)
          return { id: existing.id, ref: Number(existing.ref), outcome: 'unchanged' as const };
        // Links are set after every file of the folder is in; until then a record keeps the ones it had.
        const stored = {
          ...document,
          links: Array.isArray(existing?.links) ? (existing.links as AdrDocument['links']) : [],
        };
        const c = decision.content;
        if (existing) {
          await tx
            .update(decisions)
            .set({
              title: c.title,
              context: c.context,
              rationale: c.rationale,
              consequences: c.consequences,
              alternatives: c.alternatives,
              aliases: c.aliases,
              deciders: c.deciders,
              tags: c.tags,
              status: c.status,
              decidedOn: c.decidedOn,
              revisitOn: c.revisitOn,
              sourcePermalink: decision.source.permalink,
              importPath: path,
              importHash: hash,
              adrDocument: stored,
              updatedAt: sql`now()`,
            })
            .where(eq(decisions.id, existing.id));
          await tx.insert(decisionEvents).values({
            workspaceId: workspace.workspaceId,
            decisionId: existing.id,
            actor: decision.createdBy,
            action: 'reimported',
            detail: { path },
          });
          return { id: existing.id, ref: Number(existing.ref), outcome: 'updated' as const };
        }
        const inserted = await insertWorkspaceDecisions(tx, [decision]);
        const row = inserted.get(decision.idempotencyKey);
        if (!row) throw new Error(`the import of ${path} found its idempotency key taken by another record`);
        await tx
          .update(decisions)
          .set({ importPath: path, importHash: hash, adrDocument: stored })
          .where(eq(decisions.id, row.id));
        return { id: row.id, ref: row.ref, outcome: 'imported' as const };
      });
    },

    async document(workspace, id) {
      const [row] = await db
        .select({ document: decisions.adrDocument })
        .from(decisions)
        .where(and(eq(decisions.workspaceId, workspace.workspaceId), eq(decisions.id, id)));
      return row?.document ?? null;
    },

    async setLinks(workspace, id, links) {
      await db
        .update(decisions)
        .set({ adrDocument: sql`jsonb_set(${decisions.adrDocument}, '{links}', ${JSON.stringify(links)}::jsonb)` })
        .where(and(eq(decisions.workspaceId, workspace.workspaceId), eq(decisions.id, id)));
    },

    async linkSupersession(workspace, olderId, newerId) {
      await db.transaction(async (tx) => {
        const [older] = await tx
          .select({ ref: decisions.ref })
          .from(decisions)
          .where(and(eq(decisions.workspaceId, workspace.workspaceId), eq(decisions.id, olderId)));
        const [newer] = await tx
          .select({ ref: decisions.ref })
          .from(decisions)
          .where(and(eq(decisions.workspaceId, workspace.workspaceId), eq(decisions.id, newerId)));
        if (!older || !newer) return;
        await tx
          .update(decisions)
          .set({ supersededById: newerId, supersededByRef: newer.ref, status: 'superseded' })
          .where(eq(decisions.id, olderId));
        await tx
          .update(decisions)
          .set({ supersedesId: olderId, supersedesRef: older.ref })
          .where(eq(decisions.id, newerId));
      });
    },

    async exportable(workspace, channelId, includePrivate) {
      const warnings = sql<number>`(select count(*)::int from ${judgements} j where j.workspace_id = ${workspace.workspaceId} and j.decision_id = "decisions"."id" and j.outcome = 'warned')`;
      const rows = await db
        .select({
          id: decisions.id,
          ref: decisions.ref,
          document: decisions.adrDocument,
          title: decisions.title,
          status: decisions.status,
          decidedOn: decisions.decidedOn,
          revisitOn: decisions.revisitOn,
          deciders: decisions.deciders,
          tags: decisions.tags,
          context: decisions.context,
          rationale: decisions.rationale,
          consequences: decisions.consequences,
          alternatives: decisions.alternatives,
          supersedesRef: decisions.supersedesRef,
          supersededByRef: decisions.supersededByRef,
          permalink: sql<string | null>`coalesce(${decisions.cardPermalink}, ${decisions.sourcePermalink})`,
          channelId: decisions.channelId,
          private: decisions.channelPrivate,
          relitigationCount: warnings,
        })
        .from(decisions)
        .where(
          and(
            eq(decisions.workspaceId, workspace.workspaceId),
            channelId ? eq(decisions.channelId, channelId) : undefined,
            includePrivate ? undefined : eq(decisions.channelPrivate, false),
          ),
        )
        .orderBy(asc(decisions.ref));
      return rows.map((r) => ({
        ...r,
        ref: Number(r.ref),
        supersedes: r.supersedesRef === null ? [] : [Number(r.supersedesRef)],
        supersededBy: r.supersededByRef === null ? [] : [Number(r.supersededByRef)],
        relitigationCount: Number(r.relitigationCount),
      }));
    },
  };
}
