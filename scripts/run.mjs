/**
 * `npm start` (`node scripts/run.mjs main`) and `npm run cli` (`… cli`): runs the compiled app from
 * dist/, compiling first only when src/ or drizzle/ changed since the last build (npm ci builds once), so a
 * start costs no compile and an edited checkout never runs old code.
 */
import { existsSync } from 'node:fs';
import module from 'node:module';
import { pathToFileURL } from 'node:url';
import { build, DIST, isStale, SRC } from './build.mjs';

const ENTRIES = { main: 'main.js', cli: 'cli.js' };
const [entry, ...rest] = process.argv.slice(2);
if (!entry || !(entry in ENTRIES)) {
  console.error(`usage: node scripts/run.mjs ${Object.keys(ENTRIES).join('|')} [arguments…]`);
  process.exit(2);
}
// An image ships dist/ without src/: nothing to compare, nothing to compile.
if (existsSync(SRC) && isStale()) {
  process.stderr.write('src/ or drizzle/ changed since the last build: compiling…\n');
  await build();
}
// Node 22.1+ keeps the compiled modules on disk between starts (a third of start-up is loading them).
module.enableCompileCache?.();
// The entry reads its arguments from process.argv, as when run as `node dist/<entry>`.
process.argv = [process.argv[0], `${DIST}/${ENTRIES[entry]}`, ...rest];
await import(pathToFileURL(`${DIST}/${ENTRIES[entry]}`).href);
