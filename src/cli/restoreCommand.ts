import { readFile } from 'node:fs/promises';
import { loadDatabaseConfig } from '../config.js';
import { restoreDataFolder } from '../storage/embedded/restoreDataFolder.js';
import { checkFile } from './pathArgs.js';
import { parseCommandArgs } from './parseCommandArgs.js';
import { UsageError } from './usageError.js';

export async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { replace: { type: 'boolean', default: false } }, ['FILE']);
  const file = positionals[0];
  if (file === undefined) throw new UsageError('Give the backup file to restore, as FILE.');
  await checkFile(file, 'the backup to restore');
  const config = loadDatabaseConfig();
  if (config.kind !== 'pglite') {
    console.error('DATABASE_URL is set: the ledger is in PostgreSQL. Restore it with pg_restore or psql.');
    return 1;
  }
  // Opening the folder takes its lock: refused, with what to do, while the app runs.
  const result = await restoreDataFolder({
    dataDir: config.dataDir,
    backup: new Uint8Array(await readFile(file)),
    replace: values.replace,
  });
  if (result.status === 'not_a_backup') {
    console.error(
      `${file} is not a backup (not a gzipped tarball): nothing was restored. Give a file \`backup\` wrote.`,
    );
    return 1;
  }
  if (result.status === 'failed') {
    console.error(
      `The backup could not be loaded (${result.problem}).${result.setAside ? ` What ${config.dataDir} held is in ${result.setAside}: move it back to undo.` : ''}`,
    );
    return 1;
  }
  if (result.status === 'not_empty') {
    console.error(
      `${config.dataDir} is not empty (${result.entries} entries): nothing was restored. Set DATA_DIR to a new folder, or add --replace to move what it holds aside first.`,
    );
    return 1;
  }
  if (result.setAside) console.error(`What ${config.dataDir} held is now in ${result.setAside}.`);
  console.log(JSON.stringify({ restored: file, decisions: result.decisions, setAside: result.setAside }));
  return 0;
}
