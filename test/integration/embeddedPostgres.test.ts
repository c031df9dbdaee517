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
  return postgres({
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    onnotice: () => {},
    ...({ socket: () => server.connect() } as object),
  });
}

/** Runs `use` against a fresh in-memory embedded server, and closes it whatever happens. */
async function withEmbedded(use: (server: EmbeddedPostgres) => Promise<void>): Promise<void> {
  const server = await startEmbeddedPostgres({ dataDir: 'memory://' });
  try {
    await use(server);
  } finally {
    await server.close();
  }
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
    await first.db.execute(
      sql`insert into channel_settings (workspace_id, channel_id, watch, updated_by) values ('T0EMB', 'C0EMB', 'high', 'U0ANA')`,
    );
    await first.close();

    const again = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await again.migrate();
      const rows = rowsOf<{ watch: string }>(
        await again.db.execute(sql`select watch from channel_settings where workspace_id = 'T0EMB'`),
      );
      expect(rows).toEqual([{ watch: 'high' }]);
    } finally {
      await again.close();
    }
  });

  it('rolls back what a connection left open when it ends, as a server does', () =>
    withEmbedded(async (server) => {
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
    }));

  it('ends a connection that breaks the protocol, and serves the next one', () =>
    withEmbedded(async (server) => {
      const raw = server.connect();
      const received: Buffer[] = [];
      raw.on('data', (bytes: Buffer) => received.push(bytes));
      const failed = new Promise<Error>((resolve) => raw.once('error', resolve));
      const params = Buffer.from('user\0postgres\0database\0template1\0\0');
      const startup = Buffer.alloc(8 + params.length);
      startup.writeInt32BE(startup.length, 0);
      startup.writeInt32BE(196_608, 4);
      params.copy(startup, 8);
      raw.write(startup);
      // A Sync, then a message of a type no client sends (once, PGlite looped on it for good).
      raw.write(Buffer.from([0x53, 0, 0, 0, 4, 0x7e, 0, 0, 0, 4]));
      expect((await failed).message).toMatch(/protocol violation: invalid frontend message type 126/);
      // The Sync before it was answered: ReadyForQuery, idle.
      expect(Buffer.concat(received).subarray(-6)).toEqual(Buffer.from([0x5a, 0, 0, 0, 5, 0x49]));

      const next = clientOf(server);
      expect(await next`select 2 as two`).toEqual([{ two: 2 }]);
      await next.end();
    }));

  it('declines TLS as a server without it does, so a client that prefers TLS goes on without', () =>
    withEmbedded(async (server) => {
      const client = postgres({
        max: 1,
        ssl: 'prefer',
        onnotice: () => {},
        ...({ socket: () => server.connect() } as object),
      });
      expect(await client`select 3 as three`).toEqual([{ three: 3 }]);
      await client.end();
    }));

  it('answers queries after it has closed with an error the app reads as the database being unavailable', async () => {
    const server = await startEmbeddedPostgres({ dataDir: 'memory://' });
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
