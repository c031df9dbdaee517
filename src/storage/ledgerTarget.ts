import { type SQL, sql } from 'drizzle-orm';
import type { Database, Db } from './database.js';
import { rowsOf } from './insertDecisions.js';

export type TargetState =
  | { status: 'ready' }
  | { status: 'target_not_empty'; tables: string[] }
  | { status: 'target_foreign'; tables: string[] }
  | { status: 'other_version'; source: string; target: string };

/**
 * Whether a database can take a copy of the ledger in `source`: it holds no rows, and it is migrated
 * to the source's version — migrated here if it is empty and behind (a brand-new database, or one
 * the app created and never used). A database with tables but no migrations recorded belongs to
 * something else; one migrated further, or differently, by another version of the app.
 */
export async function targetState(source: Db, target: Database): Promise<TargetState> {
  const tables = await publicTables(target.db);
  const holding: string[] = [];
  for (const table of tables) if (await holdsRows(target.db, table)) holding.push(table);
  if (holding.length > 0) return { status: 'target_not_empty', tables: holding };
  const wanted = await migrationsOf(source);
  let have = await migrationsOf(target.db);
  if (have === null && tables.length > 0) return { status: 'target_foreign', tables };
  if (!isPrefix(have ?? [], wanted ?? [])) return versions(wanted, have);
  if ((have ?? []).length < (wanted ?? []).length) {
    await target.migrate();
    have = await migrationsOf(target.db);
  }
  return sameList(have ?? [], wanted ?? []) ? { status: 'ready' } : versions(wanted, have);
}

/** The hashes of the migrations a database has applied, oldest first; null when it never ran any. */
export async function migrationsOf(db: Db): Promise<string[] | null> {
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists!.present) return null;
  const rows = await queryRows<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((r) => r.hash);
}

async function publicTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return rows.map((r) => r.name);
}

async function holdsRows(db: Db, table: string): Promise<boolean> {
  const [row] = await queryRows<{ any: boolean }>(
    db,
    sql`select exists (select 1 from ${sql.identifier(table)}) as any`,
  );
  return row!.any;
}

const isPrefix = (prefix: string[], list: string[]) =>
  prefix.length <= list.length && prefix.every((hash, i) => hash === list[i]);
const sameList = (a: string[], b: string[]) => a.length === b.length && isPrefix(a, b);

function versions(source: string[] | null, target: string[] | null): TargetState {
  const describe = (list: string[] | null) => `${(list ?? []).length} migrations`;
  return { status: 'other_version', source: describe(source), target: describe(target) };
}

/** The rows of a statement drizzle has no builder for. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}
