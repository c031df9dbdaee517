/**
 * Compiles src/ to dist/ (one JavaScript file per TypeScript file, no bundling, so paths relative to
 * a module — migrations, models, PGlite's worker — hold in both). Type checking is `npm run
 * typecheck`'s; this only strips types, in well under a second. Also keeps dist/pglite-template.tar,
 * an empty embedded database with every migration applied (made in a few seconds once per PGlite
 * version and set of migrations, then carried over). Run by `npm ci` (prepare) and by
 * scripts/run.mjs when src/ or drizzle/ changed since.
 *
 *   node scripts/build.mjs
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SRC = join(ROOT, 'src');
export const DIST = join(ROOT, 'dist');
/** Written last: a build that stopped half-way leaves none, and counts as stale. */
export const STAMP = join(DIST, '.built');
const MIGRATIONS = join(ROOT, 'drizzle');
/** Tried from a clone only (npm run playground, under tsx); never shipped. */
const SKIPPED = [join(SRC, 'playground')];

/** The TypeScript files the build compiles. */
export function sourceFiles(dir = SRC) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (SKIPPED.includes(path)) continue;
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** Whether dist/ is missing or older than a file of src/ or drizzle/ (an edit, a pull, a checkout). */
export function isStale() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  return [...sourceFiles(), ...migrationFiles()].some((file) => statSync(file).mtimeMs > built);
}

export async function build() {
  // esbuild is a dev dependency: an image built with `npm ci --omit=dev` ships dist/ already built.
  const esbuild = await import('esbuild');
  const entryPoints = sourceFiles();
  // Built beside, then swapped in: a process starting meanwhile never finds dist/ half-written.
  const fresh = `${DIST}.${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: fresh,
    outbase: SRC,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  await carryOrMakePgliteTemplate(fresh);
  writeFileSync(join(fresh, '.built'), `${new Date().toISOString()}\n`);
  const old = `${DIST}.old.${process.pid}`;
  try {
    renameSync(DIST, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  renameSync(fresh, DIST);
  rmSync(old, { recursive: true, force: true });
  return entryPoints.length;
}

/**
 * An empty embedded database with the migrations applied, made once per PGlite version and set of
 * migrations: see pgliteWorker.ts for why. A new data folder then starts migrated; one made from an
 * older template is migrated the rest of the way at start, as any folder is.
 */
const TEMPLATE = 'pglite-template.tar';
const TEMPLATE_INFO = 'pglite-template.json';

/** drizzle/'s SQL and journal, sorted. */
function migrationFiles() {
  return readdirSync(MIGRATIONS, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.sql') || file.endsWith('.json'))
    .sort()
    .map((file) => join(MIGRATIONS, file));
}

async function carryOrMakePgliteTemplate(into) {
  const hash = createHash('sha256');
  for (const file of migrationFiles()) hash.update(relative(MIGRATIONS, file)).update(readFileSync(file));
  const wanted = {
    pglite: JSON.parse(readFileSync(join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'))
      .version,
    migrations: hash.digest('hex').slice(0, 16),
  };
  try {
    const info = JSON.parse(readFileSync(join(DIST, TEMPLATE_INFO), 'utf8'));
    if (info.pglite === wanted.pglite && info.migrations === wanted.migrations) {
      copyFileSync(join(DIST, TEMPLATE), join(into, TEMPLATE));
      copyFileSync(join(DIST, TEMPLATE_INFO), join(into, TEMPLATE_INFO));
      return;
    }
  } catch {
    // None yet, or unreadable: made below.
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const db = await PGlite.create({ extensions: { pg_trgm } });
  try {
    await migrate(drizzle(db), { migrationsFolder: MIGRATIONS });
    // Not gzipped: unpacking without gunzip makes every new database (each test's too) 0.7 s quicker.
    const dump = await db.dumpDataDir('none');
    writeFileSync(join(into, TEMPLATE), Buffer.from(await dump.arrayBuffer()));
    writeFileSync(join(into, TEMPLATE_INFO), `${JSON.stringify(wanted)}\n`);
  } finally {
    await db.close();
  }
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const started = performance.now();
  const count = await build();
  console.log(`compiled ${count} files into dist/ in ${Math.round(performance.now() - started)} ms`);
}
