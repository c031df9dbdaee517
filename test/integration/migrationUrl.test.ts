import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { createServerDatabase, type ServerDatabase } from '../../src/storage/scratchDatabase.js';
import { TcpProxy } from '../support/tcpProxy.js';

/**
 * DATABASE_MIGRATION_URL: the app's statements go through DATABASE_URL (in production perhaps a
 * transaction-mode pooler), its migrations through the other URL, where the session-level migration
 * lock holds. Here a loopback proxy stands for the direct route, so the test can see which route
 * the migrations take (CI's PostgreSQL pass).
 */
const SERVER = process.env.TEST_DATABASE_URL;

describe.skipIf(!SERVER)('migrations through their own URL', () => {
  let scratch: ServerDatabase;
  let proxy: TcpProxy;
  let migrationRoute: string;
  beforeAll(async () => {
    scratch = await createServerDatabase(SERVER!, 'dl_migration_url');
    ({ proxy, url: migrationRoute } = await TcpProxy.inFrontOf(scratch.url));
  });
  afterAll(async () => {
    await proxy.stop();
    await scratch.drop();
  });

  it('run through the migration URL, while statements use the app URL', async () => {
    const database = await openDatabase({ kind: 'postgres', url: scratch.url, migrationUrl: migrationRoute });
    try {
      // With the migration route down, statements still run and migrating fails.
      await proxy.down();
      expect(rowsOf<{ one: number }>(await database.db.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
      await expect(database.migrate()).rejects.toThrow();
      expect(
        rowsOf(await database.db.execute(sql`select 1 from information_schema.tables where table_name = 'decisions'`)),
      ).toHaveLength(0);

      await proxy.up();
      await database.migrate();
      expect(
        rowsOf(await database.db.execute(sql`select 1 from information_schema.tables where table_name = 'decisions'`)),
      ).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});
