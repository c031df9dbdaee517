import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type Database, openDatabase } from './database.js';

export interface ServerDatabase {
  name: string;
  url: string;
  /** Drops the database; calling it again does nothing. */
  drop(): Promise<void>;
}

/**
 * A database of its own on a PostgreSQL server, for one test file, command run or bench, so runs
 * never see each other's rows. The one way the project makes (and drops) such a database.
 */
export async function createServerDatabase(serverUrl: string, prefix: string): Promise<ServerDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/**
 * A migrated database nobody else uses, for one run of a command or a bench: in-memory PGlite, or
 * with a server URL, a database created on that server for the run and dropped by `dispose`.
 */
export async function openScratchDatabase(
  serverUrl?: string,
): Promise<{ database: Database; dispose(): Promise<void> }> {
  if (!serverUrl) {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await database.migrate();
    return { database, dispose: () => database.close() };
  }
  const server = await createServerDatabase(serverUrl, 'decision_ledger_scratch');
  const database = await openDatabase({ kind: 'postgres', url: server.url });
  const dispose = async () => {
    await database.close();
    await server.drop();
  };
  try {
    await database.migrate();
  } catch (error) {
    await dispose();
    throw error;
  }
  return { database, dispose };
}
