import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, createAppServer } from '../../src/http/appServer.js';
import { BACKUP_PATH, backupRoute } from '../../src/http/backupRoute.js';
import { createMetrics } from '../../src/metrics/metrics.js';
import { type Database, openDatabase } from '../../src/storage/database.js';

/**
 * GET /admin/backup on the app's own HTTP server, over an embedded database: only with ADMIN_TOKEN
 * set and sent; what it answers for PostgreSQL (`npm run cli -- backup --from` reads these answers).
 */
const TOKEN = 'backup-route-token-0123456789abcdef';

describe('GET /admin/backup', () => {
  let database: Database;
  const servers: AppServer[] = [];
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await database.migrate();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.drain(1000)));
    await database.close();
  });

  /** The route alone on a server of its own; resolves its base URL. */
  async function serve(props: Parameters<typeof backupRoute>[0]): Promise<string> {
    const server = createAppServer({
      routes: [backupRoute(props)],
      fallback: null,
      metrics: createMetrics(),
      onError: (error) => {
        throw error;
      },
    });
    servers.push(server);
    return `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  }
  const get = (base: string, token?: string) =>
    fetch(`${base}${BACKUP_PATH}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('answers a backup, gzipped, to the token it was given, and 401 to any other or none', async () => {
    const base = await serve({ database, token: TOKEN });
    const ok = await get(base, TOKEN);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/gzip');
    const bytes = new Uint8Array(await ok.arrayBuffer());
    // gzip's magic number.
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect((await get(base, `${TOKEN}x`)).status).toBe(401);
    expect((await get(base)).status).toBe(401);
  });

  it('is not there without ADMIN_TOKEN, and points to pg_dump on PostgreSQL', async () => {
    expect((await get(await serve({ database, token: null }), TOKEN)).status).toBe(404);
    const onPostgres = await get(await serve({ database: {}, token: TOKEN }), TOKEN);
    expect(onPostgres.status).toBe(409);
    expect(((await onPostgres.json()) as { message: string }).message).toContain('pg_dump');
  });
});
