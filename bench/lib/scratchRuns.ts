import type { Database } from '../../src/storage/database.js';
import { openScratchDatabase } from '../../src/storage/scratchDatabase.js';

/** The value below which a share `p` of the timings fall (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** Runs a bench on a database of its own: in-memory PGlite, or one created on `serverUrl` and dropped after. */
export async function onScratchDatabase(
  label: string,
  run: (label: string, database: Database) => Promise<boolean>,
  serverUrl?: string,
): Promise<boolean> {
  const { database, dispose } = await openScratchDatabase(serverUrl);
  try {
    return await run(label, database);
  } finally {
    await dispose();
  }
}

/** The bench on PGlite, then on BENCH_DATABASE_URL's PostgreSQL when it is set. */
export async function onEachDatabase(run: (label: string, database: Database) => Promise<boolean>): Promise<boolean[]> {
  const results = [await onScratchDatabase('PGlite', run)];
  if (process.env.BENCH_DATABASE_URL)
    results.push(await onScratchDatabase('PostgreSQL', run, process.env.BENCH_DATABASE_URL));
  return results;
}
