/**
 * `npm run cli -- <command> …`: maintenance and evaluation commands that run outside Slack.
 */
import { EXPORT_USAGE, exportCommand, IMPORT_USAGE, importCommand } from './cli/adrCommands.js';
import { DIGEST_USAGE, digestCommand } from './cli/digestCommand.js';
import { EVAL_RELITIGATION_USAGE, evalRelitigationCommand } from './cli/evalRelitigationCommand.js';
import { REINDEX_USAGE, reindexCommand } from './cli/reindexCommand.js';
import { TRAIN_DETECTOR_USAGE, trainDetectorCommand } from './cli/trainDetectorCommand.js';

const COMMANDS: Record<string, { usage: string; run(args: string[]): Promise<number> }> = {
  'eval-relitigation': { usage: EVAL_RELITIGATION_USAGE, run: evalRelitigationCommand },
  'train-detector': { usage: TRAIN_DETECTOR_USAGE, run: trainDetectorCommand },
  reindex: { usage: REINDEX_USAGE, run: reindexCommand },
  digest: { usage: DIGEST_USAGE, run: digestCommand },
  import: { usage: IMPORT_USAGE, run: importCommand },
  export: { usage: EXPORT_USAGE, run: exportCommand },
};

const HELP = new Set(['--help', '-h', 'help']);

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
    console.error(`There is no command "${name}".\n\n${usage()}`);
    return 2;
  }
  if (args.some((a) => a === '--help' || a === '-h')) {
    console.log(`usage: npm run cli -- ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // node:util parseArgs: an option the command does not take, or one missing its value.
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      console.error(`${(error as Error).message}\n\nusage: npm run cli -- ${command.usage}`);
      return 2;
    }
    if (code === 'ENOENT') {
      console.error(`No such file or folder: ${(error as { path?: string }).path ?? 'one of the paths given'}.`);
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
