/**
 * `npm run cli -- <command> …`: maintenance and evaluation commands that run outside Slack.
 */
import { COMMAND_USAGES, type CommandName } from './cli/commandUsages.js';
import { nearestName } from './cli/nearestName.js';
import { quoted, UsageError } from './cli/usageError.js';

type Command = (args: string[]) => Promise<number>;

// Loaded when named: each command's modules (the database, the detector, Slack's client) cost
// time at every start, so a command loads only its own.
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  'eval-relitigation': async () => (await import('./cli/evalRelitigationCommand.js')).evalRelitigationCommand,
  'train-detector': async () => (await import('./cli/trainDetectorCommand.js')).trainDetectorCommand,
  reindex: async () => (await import('./cli/reindexCommand.js')).reindexCommand,
  digest: async () => (await import('./cli/digestCommand.js')).digestCommand,
  import: async () => (await import('./cli/importCommand.js')).importCommand,
  export: async () => (await import('./cli/exportCommand.js')).exportCommand,
  'move-to-postgres': async () => (await import('./cli/moveToPostgresCommand.js')).moveToPostgresCommand,
  backup: async () => (await import('./cli/backupCommand.js')).backupCommand,
  restore: async () => (await import('./cli/restoreCommand.js')).restoreCommand,
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
  return `usage: npm run cli -- <command> [--help]\n\n${Object.values(COMMAND_USAGES).join('\n\n')}`;
}

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || HELP.has(name)) {
    // Asked for: to stdout, success. Nothing asked: the same, as an error.
    (name === undefined ? console.error : console.log)(usage());
    return name === undefined ? 2 : 0;
  }
  if (!isCommand(name)) {
    const near = nearestName(name, Object.keys(COMMANDS));
    console.error(
      `There is no command ${quoted(name)}. ${near ? `Did you mean ${near}? ` : ''}The commands are ${Object.keys(COMMANDS).join(', ')}.\n\n${usage()}`,
    );
    return 2;
  }
  const commandUsage = COMMAND_USAGES[name];
  if (args.some((a) => a === '--help' || a === '-h')) {
    console.log(`usage: npm run cli -- ${commandUsage}`);
    return 0;
  }
  try {
    return await (await COMMANDS[name]())(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\nusage: npm run cli -- ${commandUsage}`);
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
