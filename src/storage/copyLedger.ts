import { type SQL, sql } from 'drizzle-orm';
import type { Database, Db } from './database.js';
import { type LedgerTable, ledgerTables } from './ledgerTables.js';
import { queryRows, targetState } from './ledgerTarget.js';

/** Rows read and written at a time: a few megabytes of JSON for the widest tables. */
const BATCH_ROWS = 2_000;

export interface CopyLedgerProps {
  /** The ledger to copy, migrated; read in one snapshot, never written. */
  source: Database;
  /** An empty PostgreSQL database (or one migrated and empty); migrated here when it is not yet. */
  target: Database;
  /** Rows copied so far, of all tables. */
  onProgress?(copied: number, total: number): void;
}

export type CopyLedgerResult =
  | { status: 'copied'; tables: { name: string; rows: number }[] }
  /** The target holds rows: copying into it would mix two ledgers. */
  | { status: 'target_not_empty'; tables: string[] }
  /** The target holds tables that are no ledger's (no migrations recorded): another application's database. */
  | { status: 'target_foreign'; tables: string[] }
  /** The target was migrated by another version of the app than this one. */
  | { status: 'other_version'; source: string; target: string }
  /** Rows were lost or doubled on the way; nothing was committed. */
  | { status: 'counts_differ'; tables: { name: string; source: number; target: number }[] };

class CountsDiffer extends Error {
  constructor(readonly tables: { name: string; source: number; target: number }[]) {
    super('row counts differ');
  }
}

/**
 * Copies a whole ledger — every table, every workspace, the sequences behind the bigserial ids —
 * into another database, in one transaction there: a copy that fails leaves the target as it was.
 * Rows go over as JSON (row_to_json on the source, json_populate_recordset on the target) in batches,
 * so every type (jsonb, tsvector, timestamps to the microsecond, doubles exactly) round-trips through
 * PostgreSQL's own text forms. Triggers are off while copying: decision_terms, which the triggers on
 * decisions keep, is copied as it is rather than counted twice. Row counts are compared per table
 * before the commit.
 */
export async function copyLedger({ source, target, onProgress }: CopyLedgerProps): Promise<CopyLedgerResult> {
  const state = await targetState(source.db, target);
  if (state.status !== 'ready') return state;
  const tables = ledgerTables();
  try {
    // One snapshot of the source, so counts and rows agree even if something wrote meanwhile.
    return await source.db.transaction(
      async (from) => {
        const counts = new Map<string, number>();
        for (const table of tables) counts.set(table.name, await countRows(from, table.name));
        const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
        let copied = 0;
        onProgress?.(0, total);
        await target.db.transaction(async (to) => {
          for (const table of tables)
            await to.execute(sql`alter table ${sql.identifier(table.name)} disable trigger user`);
          for (const table of tables) {
            await copyTable(from, to, table, (rows) => {
              copied += rows;
              onProgress?.(copied, total);
            });
          }
          await copySequences(from, to);
          for (const table of tables)
            await to.execute(sql`alter table ${sql.identifier(table.name)} enable trigger user`);
          const differ: { name: string; source: number; target: number }[] = [];
          for (const table of tables) {
            const written = await countRows(to, table.name);
            if (written !== counts.get(table.name))
              differ.push({ name: table.name, source: counts.get(table.name)!, target: written });
          }
          if (differ.length > 0) throw new CountsDiffer(differ);
        });
        return {
          status: 'copied' as const,
          tables: tables.map((t) => ({ name: t.name, rows: counts.get(t.name)! })),
        };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  } catch (error) {
    if (error instanceof CountsDiffer) return { status: 'counts_differ', tables: error.tables };
    throw error;
  }
}

async function countRows(db: Db, table: string): Promise<number> {
  const [row] = await queryRows<{ n: string }>(db, sql`select count(*)::text as n from ${sql.identifier(table)}`);
  return Number(row!.n);
}

/**
 * A cursor on the source, read a batch ahead: the next batch is on its way while the target writes
 * this one, so neither database waits on the other.
 */
async function copyTable(from: Db, to: Db, table: LedgerTable, copied: (rows: number) => void): Promise<void> {
  const columns = sql.join(
    table.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const name = sql`${sql.identifier(table.name)}`;
  const cursor = sql.identifier(`copy_${table.name}`);
  await from.execute(
    sql`declare ${cursor} no scroll cursor for select row_to_json(r)::text as row from (select ${columns} from ${name}) r`,
  );
  const fetch = () => queryRows<{ row: string }>(from, sql`fetch ${sql.raw(String(BATCH_ROWS))} from ${cursor}`);
  let next = fetch();
  try {
    for (;;) {
      const rows = await next;
      if (rows.length === 0) break;
      next = fetch();
      const batch = `[${rows.map((r) => r.row).join(',')}]`;
      await to.execute(insertFromJson(name, columns, batch));
      copied(rows.length);
    }
  } finally {
    // A write that failed leaves a fetch going: its outcome no longer matters, only that it is not unhandled.
    next.catch(() => undefined);
  }
  await from.execute(sql`close ${cursor}`);
}

function insertFromJson(name: SQL, columns: SQL, batch: string): SQL {
  return sql`insert into ${name} (${columns}) select ${columns} from json_populate_recordset(null::${name}, ${batch}::json)`;
}

/** Each sequence as the source left it, so the next id handed out on the target follows the last copied. */
async function copySequences(from: Db, to: Db): Promise<void> {
  const sequences = await queryRows<{ name: string }>(
    from,
    sql`select sequencename as name from pg_sequences where schemaname = 'public' order by 1`,
  );
  for (const { name } of sequences) {
    const [state] = await queryRows<{ last: string; called: boolean }>(
      from,
      sql`select last_value::text as last, is_called as called from ${sql.identifier(name)}`,
    );
    const quotedName = `"${name.replaceAll('"', '""')}"`;
    await to.execute(sql`select setval(${quotedName}::regclass, ${state!.last}::bigint, ${state!.called})`);
  }
}
