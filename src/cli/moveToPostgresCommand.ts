import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDatabaseConfig } from '../config.js';
import { type CopyLedgerResult, copyLedger } from '../storage/copyLedger.js';
import { openDatabase } from '../storage/database.js';
import { openCommandDatabase } from './openCommandDatabase.js';
import { parseCommandArgs } from './parseCommandArgs.js';
import { type ProgressCounter, progressCounter } from './progressCounter.js';
import { quoted, UsageError } from './usageError.js';

export async function moveToPostgresCommand(args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, ['POSTGRES_URL']);
  const url = positionals[0];
  if (url === undefined)
    throw new UsageError('Give the PostgreSQL database to move to, as postgres://user:password@host:5432/name.');
  if (!/^postgres(ql)?:\/\/\S+$/.test(url))
    throw new UsageError(
      `${quoted(url)} is not a PostgreSQL URL; write it as postgres://user:password@host:5432/name.`,
    );
  const config = loadDatabaseConfig();
  if (config.kind !== 'pglite') {
    console.error(
      'DATABASE_URL is set, so the app already keeps its ledger in PostgreSQL. Unset DATABASE_URL to move the embedded ledger in DATA_DIR.',
    );
    return 1;
  }
  // A data folder PostgreSQL never wrote to would be created empty, and an empty ledger "moved".
  if (!existsSync(join(config.dataDir, 'PG_VERSION'))) {
    console.error(`There is no embedded ledger in ${config.dataDir}: set DATA_DIR to the app's data folder.`);
    return 1;
  }
  // Opening it takes the data folder's lock: refused, with what to do, while the app runs.
  const source = await openCommandDatabase(config);
  try {
    const target = await openDatabase({ kind: 'postgres', url });
    try {
      let counter: ProgressCounter | undefined;
      let result: CopyLedgerResult;
      try {
        result = await copyLedger({
          source,
          target,
          onProgress: (copied, total) => {
            counter ??= progressCounter({ doing: 'copying', total, unit: 'rows' });
            counter.update(copied);
          },
        });
      } catch (error) {
        if (!unreachable(error)) throw error;
        console.error(`Could not reach the database at POSTGRES_URL: ${(error as Error).message}. Nothing was copied.`);
        return 1;
      } finally {
        counter?.end();
      }
      return report(result, url);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

function report(result: CopyLedgerResult, url: string): number {
  switch (result.status) {
    case 'copied': {
      const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(
        `Moved ${rows} rows of ${result.tables.length} tables; every table's row count matches.\n` +
          `Set DATABASE_URL=${url} for the app and start it: it now keeps its ledger there. DATA_DIR still holds the embedded copy; remove it once the app runs well.`,
      );
      console.log(JSON.stringify({ moved: Object.fromEntries(result.tables.map((t) => [t.name, t.rows])) }));
      return 0;
    }
    case 'target_not_empty':
      console.error(
        `The database at POSTGRES_URL already holds rows (in ${result.tables.join(', ')}); nothing was copied. Give an empty database (createdb a new one).`,
      );
      return 1;
    case 'target_foreign':
      console.error(
        `The database at POSTGRES_URL holds tables that are no Decision Ledger's (${result.tables.slice(0, 5).join(', ')}); nothing was copied. Give an empty database (createdb a new one).`,
      );
      return 1;
    case 'other_version':
      console.error(
        `The database at POSTGRES_URL was migrated by another version of Decision Ledger (${result.target} applied, this one has ${result.source}); nothing was copied. Give an empty database, or run this command with the version that migrated it.`,
      );
      return 1;
    case 'counts_differ':
      console.error(
        `The copy was rolled back: row counts differ (${result.tables.map((t) => `${t.name}: ${t.source} here, ${t.target} there`).join('; ')}). Nothing was committed; please report this.`,
      );
      return 1;
  }
}

/** Connection refused, unknown host, wrong password, no such database: the URL's problem, not the copy's. */
function unreachable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'CONNECT_TIMEOUT', '28P01', '28000', '3D000'].includes(code ?? '');
}
