import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

const ROOT = new URL('../..', import.meta.url).pathname;
const MIGRATIONS = join(ROOT, 'drizzle');
const BUILT_TEMPLATE = join(ROOT, 'dist', 'pglite-template.tgz');

/**
 * A PGlite dump of an empty database with every migration applied, for the suite's in-memory test
 * databases to start from: each one then skips initdb and the migrations (seconds of CPU apiece,
 * hundreds of times a run), and the migrator, run as usual, finds nothing to do. Kept between runs
 * under the system's temporary folder, by a hash of the migrations and the base template.
 */
export async function migratedTemplate(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS, { recursive: true }).map(String).sort()) {
    const path = join(MIGRATIONS, file);
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(path));
  }
  hash.update(readFileSync(BUILT_TEMPLATE));
  const dir = join(tmpdir(), 'decision-ledger-test-templates');
  const path = join(dir, `${hash.digest('hex').slice(0, 16)}.tgz`);
  if (existsSync(path)) return path;

  const pg = await PGlite.create({
    extensions: { pg_trgm },
    loadDataDir: new Blob([readFileSync(BUILT_TEMPLATE)]),
  });
  try {
    await migrate(drizzle(pg), { migrationsFolder: MIGRATIONS });
    const dump = await pg.dumpDataDir('gzip');
    mkdirSync(dir, { recursive: true });
    // Whole or not at all: another run may be reading it.
    const draft = `${path}.${process.pid}`;
    writeFileSync(draft, Buffer.from(await dump.arrayBuffer()));
    renameSync(draft, path);
  } finally {
    await pg.close();
  }
  return path;
}
