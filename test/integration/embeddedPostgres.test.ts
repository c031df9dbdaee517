import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../src/storage/embedded/embeddedPostgres.js';
import { rowsOf } from '../../src/storage/insertDecisions.js';
import { isDatabaseUnavailable } from '../../src/storage/postgresErrors.js';

/** postgres.js on the embedded server, as database.ts connects it. */
function clientOf(server: EmbeddedPostgres) {
  return postgres({ max: 1, idle_timeout: 0, max_lifetime: null, onnotice: () => {}, ...({ socket: () => server.connect() } as object) });
}

// The embedded database itself, whatever TEST_DATABASE_URL says: it is what `npm start` runs on.
describe('the embedded PostgreSQL (PGlite on a worker thread)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps what was written when the data directory is opened again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dl-embedded-'));
    dirs.push(dataDir);
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await first.migrate();
    await first.db.execute(sql`insert into channel_settings (workspace_id, channel_id, watch, updated_by) values ('T0EMB', 'C0EMB', 'high', 'U0ANA')`);
    await first.close();

    const again = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await again.migrate();
      const rows = rowsOf<{ watch: string }>(await again.db.execute(sql`select watch from channel_settings where workspace_id = 'T0EMB'`));
      expect(rows).toEqual([{ watch: 'high' }]);
    } finally {
      await again.close();
    }
  });

  it('rolls back what a connection left open when it ends, as a server does', async () => {
    const server = await startEmbeddedPostgres('memory://');
    try {
      const first = clientOf(server);
      await first`create table notes (text text)`;
      const reserved = await first.reserve();
      await reserved`begin`;
      await reserved`insert into notes values ('half-written')`;
      // The connection goes away mid-transaction (a crash, a timeout): nothing of it may remain.
      await first.end({ timeout: 0 });

      const next = clientOf(server);
      expect(await next`select count(*)::int as n from notes`).toEqual([{ n: 0 }]);
      // …and the next connection is not inside that transaction: its own commits stay.
      await next`insert into notes values ('whole')`;
      await next.end();
      const third = clientOf(server);
      expect(await third`select text from notes`).toEqual([{ text: 'whole' }]);
      await third.end();
    } finally {
      await server.close();
    }
  });

  it('answers queries after it has closed with an error the app reads as the database being unavailable', async () => {
    const server = await startEmbeddedPostgres('memory://');
    await server.close();
    const client = clientOf(server);
    const error = await client`select 1`.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(true);
    await client.end({ timeout: 0 });
  });
});
