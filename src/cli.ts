/**
 * `npm run cli -- <command> …`: maintenance and evaluation commands that run outside Slack.
 */
import { BACKUP_USAGE, backupCommand } from './cli/backupCommand.js';
import { DIGEST_USAGE, digestCommand } from './cli/digestCommand.js';
import { EVAL_RELITIGATION_USAGE, evalRelitigationCommand } from './cli/evalRelitigationCommand.js';
import { EXPORT_USAGE, exportCommand } from './cli/exportCommand.js';
import { IMPORT_USAGE, importCommand } from './cli/importCommand.js';
import { MOVE_TO_POSTGRES_USAGE, moveToPostgresCommand } from './cli/moveToPostgresCommand.js';
import { nearestName } from './cli/nearestName.js';
import { REINDEX_USAGE, reindexCommand } from './cli/reindexCommand.js';
import { RESTORE_USAGE, restoreCommand } from './cli/restoreCommand.js';
import { TRAIN_DETECTOR_USAGE, trainDetectorCommand } from './cli/trainDetectorCommand.js';
import { quoted, UsageError } from './cli/usageError.js';

const COMMANDS: Record<string, { usage: string; run(args: string[]): Promise<number> }> = {
  'eval-relitigation': { usage: EVAL_RELITIGATION_USAGE, run: evalRelitigationCommand },
  'train-detector': { usage: TRAIN_DETECTOR_USAGE, run: trainDetectorCommand },
  reindex: { usage: REINDEX_USAGE, run: reindexCommand },
  digest: { usage: DIGEST_USAGE, run: digestCommand },
  import: { usage: IMPORT_USAGE, run: importCommand },
  export: { usage: EXPORT_USAGE, run: exportCommand },
  'move-to-postgres': { usage: MOVE_TO_POSTGRES_USAGE, run: moveToPostgresCommand },
  backup: { usage: BACKUP_USAGE, run: backupCommand },
  restore: { usage: RESTORE_USAGE, run: restoreCommand },
};

const HELP = new Set(['--help', '-h', 'help']);

/** File system failures in words, before the path they happened on. */
const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'No such file or folder',
  ENOTDIR: 'Not a folder (a file is in the way)',
  EEXIST: 'A file stands where the folder should be',
  EISDIR: 'A folder where a file was expected',
  EACCES: 'No permission',
  EPERM: 'No permission',
  EROFS: 'Read-only file system',
  ENOSPC: 'The disk is full',
};

function usage(): string {
  return `usage: npm run cli -- <command> [--help]\n\n${Object.values(COMMANDS)
    .map((c) => c.usage)
    .join('\n\n')}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || HELP.has(name)) {
    // Asked for: to stdout, success. Nothing asked: the same, as an error.
    (name === undefined ? console.error : console.log)(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    const near = nearestName(name, Object.keys(COMMANDS));
    console.error(
      `There is no command ${quoted(name)}. ${near ? `Did you mean ${near}? ` : ''}The commands are ${Object.keys(COMMANDS).join(', ')}.\n\n${usage()}`,
    );
    return 2;
  }
  if (args.some((a) => a === '--help' || a === '-h')) {
    console.log(`usage: npm run cli -- ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\nusage: npm run cli -- ${command.usage}`);
      return 2;
    }
    const { code, path } = error as { code?: string; path?: string };
    if (code !== undefined && FILE_PROBLEMS[code]) {
      console.error(`${FILE_PROBLEMS[code]}: ${path ?? 'one of the paths given'}.`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
