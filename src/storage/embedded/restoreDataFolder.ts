import { mkdir, readdir, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { LOCK_FILE, lockDataFolder } from './dataFolderLock.js';

export type RestoreResult =
  | { status: 'restored'; decisions: number; setAside: string | null }
  /** Not a gzipped tarball: nothing was touched. */
  | { status: 'not_a_backup' }
  /** PGlite could not load it, or what it loaded is no ledger. */
  | { status: 'failed'; problem: string; setAside: string | null }
  /** The folder holds a database (or anything else) and replacing it was not asked for. */
  | { status: 'not_empty'; entries: number };

/** The first two bytes of every gzip stream. */
const GZIP = [0x1f, 0x8b];

export interface RestoreProps {
  dataDir: string;
  /** A backup: the gzipped tarball of a data folder (Database.backup, PGlite's dumpDataDir). */
  backup: Uint8Array;
  /** What the folder holds is moved aside, into a folder beside it, rather than refused. */
  replace: boolean;
  now?: Date;
}

/**
 * Loads a backup into the embedded database's folder. Holds the folder's lock throughout, so it is
 * refused while the app (or a command) runs on it. A folder that holds anything is refused unless
 * `replace`, and even then nothing is deleted: its contents go to `<folder>.before-restore-<time>`.
 * The restored database is opened once and its decisions counted, so a backup that does not load
 * says so here rather than when the app starts.
 */
export async function restoreDataFolder({
  dataDir,
  backup,
  replace,
  now = new Date(),
}: RestoreProps): Promise<RestoreResult> {
  // Checked before anything is moved aside: a wrong file must not cost the folder its ledger.
  if (backup[0] !== GZIP[0] || backup[1] !== GZIP[1]) return { status: 'not_a_backup' };
  const folder = resolve(dataDir);
  await mkdir(folder, { recursive: true });
  const lock = lockDataFolder(folder);
  try {
    const entries = (await readdir(folder)).filter((name) => name !== LOCK_FILE && !name.startsWith(`${LOCK_FILE}.`));
    let setAside: string | null = null;
    if (entries.length > 0) {
      if (!replace) return { status: 'not_empty', entries: entries.length };
      setAside = `${folder}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      await mkdir(setAside);
      for (const entry of entries) await rename(join(folder, entry), join(setAside, entry));
    }
    let db: PGlite;
    try {
      db = await PGlite.create(folder, { loadDataDir: new Blob([backup]), extensions: { pg_trgm } });
    } catch (error) {
      return { status: 'failed', problem: error instanceof Error ? error.message : String(error), setAside };
    } finally {
      lock.reclaim();
    }
    try {
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from decisions');
      return { status: 'restored', decisions: rows[0]!.n, setAside };
    } catch (error) {
      return { status: 'failed', problem: error instanceof Error ? error.message : String(error), setAside };
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}
