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

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`usage: npm run cli -- <command>\n\n${Object.values(COMMANDS).map((c) => c.usage).join('\n\n')}`);
    return 2;
  }
  return command.run(args);
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
