import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * .ci/run's second pass sets TEST_DATABASE_URL to run the suite against a PostgreSQL server. A test
 * file that never reads it — not itself, nor through what it imports from test/ — runs exactly as on
 * the first pass, so that pass leaves it out. Found by reading the files, so there is no list to keep.
 */
export function testFilesBlindToTheServer(root: string): string[] {
  const testDir = join(root, 'test');
  const reaches = new Map<string, boolean>();
  const reachesServer = (file: string): boolean => {
    const known = reaches.get(file);
    if (known !== undefined) return known;
    reaches.set(file, false); // an import cycle ends here
    const text = readFileSync(file, 'utf8');
    const found =
      text.includes('TEST_DATABASE_URL') ||
      importsOf(text)
        .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'))
        .some((imported) => imported.startsWith(testDir) && existsSync(imported) && reachesServer(imported));
    reaches.set(file, found);
    return found;
  };
  return readdirSync(testDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.test.ts'))
    .map((path) => join(testDir, path))
    .filter((file) => !reachesServer(file))
    .map((file) => relative(root, file))
    .sort();
}

/** The relative modules a file imports, statically or with import(). */
function importsOf(text: string): string[] {
  const specs: string[] = [];
  for (const line of text.split('\n')) {
    const quoteAt = line.search(/(from |import\(|import )'\./);
    if (quoteAt === -1) continue;
    const start = line.indexOf("'", quoteAt) + 1;
    specs.push(line.slice(start, line.indexOf("'", start)));
  }
  return specs;
}
