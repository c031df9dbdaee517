import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * One writer per embedded data folder. PGlite does not lock its data directory: a second process
 * opening it (the CLI while the app runs) worked on a copy of its own, removed the app's
 * postmaster.pid, and what either wrote was lost to the other (issue 24). Every opener of the
 * embedded database takes this lock first; a second one is refused before it touches anything.
 */
export interface DataFolderLock {
  /**
   * Writes the lock file again as this process's. A backup is a copy of the whole folder, lock file
   * included: restoring one brings the lock of the process that took it (the running app).
   */
  reclaim(): void;
  /** Gives the folder up; safe to call more than once. */
  release(): void;
}

/** Another process holds the folder: the message says what to do. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const who = holder.host === hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
    super(
      `Another Decision Ledger process (${who}) is using the data folder ${dataDir}. ` +
        'Stop the app first, then run this command again — or set DATABASE_URL to use PostgreSQL.',
    );
    this.name = 'DataFolderInUseError';
  }
}

interface LockHolder {
  pid: number;
  host: string;
}

export const LOCK_FILE = 'decision-ledger.lock';

/** Folders this process holds, so that it never mistakes its own lock for a stale one. */
const held = new Set<string>();

/**
 * Takes the folder's lock file, which names the holder's pid and host. A lock whose holder is no
 * longer running (killed, or the machine restarted) is taken over. The file is made whole under
 * a name of its own and linked into place: link() fails if the lock exists, so no reader ever
 * sees a half-written one.
 */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const folder = resolve(dataDir);
  const path = join(folder, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname() };
  if (held.has(folder)) throw new DataFolderInUseError(folder, me);

  const draft = `${path}.${process.pid}.${Date.now()}`;
  writeFileSync(draft, `${JSON.stringify(me)}\n`);
  try {
    // Twice at most: the second try follows the removal of a stale lock.
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = readHolder(path);
        if (attempt > 0 || (holder && isRunning(holder))) throw new DataFolderInUseError(folder, holder ?? me);
        unlinkIfPresent(path);
      }
    }
  } finally {
    unlinkIfPresent(draft);
  }
  held.add(folder);

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    held.delete(folder);
    process.off('exit', release);
    // Only our own: never remove a lock another process has since taken over.
    const holder = readHolder(path);
    if (holder?.pid === me.pid && holder.host === me.host) unlinkIfPresent(path);
  };
  // A process that exits without closing the database (process.exit, an uncaught error) still
  // gives the folder up; one that is killed leaves a lock the next opener finds stale.
  process.on('exit', release);
  const reclaim = () => writeFileSync(path, `${JSON.stringify(me)}\n`);
  return { reclaim, release };
}

function readHolder(path: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host }
      : null;
  } catch {
    return null;
  }
}

/**
 * Whether the holder still runs. On another host there is no way to tell: it counts as running.
 * A holder with this process's own pid is a previous life of it (a container restarted with the
 * same pid 1), as this process's own locks are in `held`.
 */
function isRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
