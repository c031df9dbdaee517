import { type Database, openDatabase } from '../../src/storage/database.js';
import { createServerDatabase } from '../../src/storage/scratchDatabase.js';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or — when
 * TEST_DATABASE_URL is set (.ci/run's second pass) — a database of its own on that server,
 * dropped again on close, so test files never see each other's rows.
 */
export async function createTestDatabase(): Promise<Database> {
  const server = await createTestDatabaseUrl();
  const database = await openDatabase(
    server.url ? { kind: 'postgres', url: server.url } : { kind: 'pglite', dataDir: 'memory://' },
  );
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      await server.drop();
    },
  };
}

/** The connection string a child process should use for this test file's database, if any. */
export async function createTestDatabaseUrl(): Promise<{ url: string | null; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { url: null, drop: async () => {} };
  return createServerDatabase(serverUrl, 'dl_test');
}
