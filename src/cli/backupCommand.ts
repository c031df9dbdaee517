import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadAdminToken, loadDatabaseConfig } from '../config.js';
import { BACKUP_PATH } from '../http/backupRoute.js';
import { openDatabase } from '../storage/database.js';
import { DataFolderInUseError } from '../storage/embedded/dataFolderLock.js';
import { parseCommandArgs } from './parseCommandArgs.js';
import { quoted, UsageError } from './usageError.js';

export async function backupCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { from: { type: 'string' } }, ['FILE']);
  const file = positionals[0];
  if (file === undefined) throw new UsageError('Give the file to write the backup to, as FILE.');
  if (values.from !== undefined && !/^https?:\/\/\S+$/.test(values.from))
    throw new UsageError(`--from ${quoted(values.from)} is not the app's URL; write it as http://host:3000.`);
  // Never over an older backup: a backup that fails half-way must not take the last good one with it.
  if (existsSync(file)) {
    console.error(`${file} already exists; give the backup a new file name.`);
    return 1;
  }
  const config = loadDatabaseConfig();
  if (config.kind !== 'pglite') {
    console.error(
      'DATABASE_URL is set: the ledger is in PostgreSQL. Back it up with pg_dump (docs/operations.md § Backups).',
    );
    return 1;
  }
  const backup = values.from === undefined ? await fromDataFolder(config.dataDir) : await fromRunningApp(values.from);
  if (typeof backup === 'string') {
    console.error(backup);
    return 1;
  }
  const draft = `${file}.partial`;
  await writeFile(draft, backup);
  await rename(draft, file);
  console.log(JSON.stringify({ backup: file, bytes: backup.byteLength }));
  return 0;
}

/** The backup, or what went wrong in words. */
async function fromDataFolder(dataDir: string): Promise<Uint8Array | string> {
  if (!existsSync(join(dataDir, 'PG_VERSION')))
    return `There is no embedded ledger in ${dataDir}: set DATA_DIR to the app's data folder.`;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ kind: 'pglite', dataDir });
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    return `${error.message}\nOr take the backup through the running app: npm run cli -- backup FILE --from http://<the app's host>:<PORT>, with ADMIN_TOKEN set as for the app.`;
  }
  try {
    return await database.backup!();
  } finally {
    await database.close();
  }
}

async function fromRunningApp(base: string): Promise<Uint8Array | string> {
  const token = loadAdminToken();
  if (token === null) return "Set ADMIN_TOKEN to the app's ADMIN_TOKEN: --from sends it to the app.";
  const url = new URL(BACKUP_PATH, base);
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    return `Could not reach the app at ${base}: ${(error as Error).message}.`;
  }
  if (response.ok) return new Uint8Array(await response.arrayBuffer());
  if (response.status === 401) return `The app at ${base} refused the ADMIN_TOKEN given: set the one the app has.`;
  if (response.status === 404)
    return `The app at ${base} serves no backups: set ADMIN_TOKEN for the app and restart it (or check the URL).`;
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  return `The app at ${base} could not make a backup (HTTP ${response.status})${body.message ? `: ${body.message}` : '.'}`;
}
