import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pino } from 'pino';
import type { LlmHelp } from '../app/relitigation/judgeMessage.js';
import { loadOpenAiConfig } from '../config.js';
import { createOpenAiRelitigation } from '../llm/openAiRelitigation.js';
import { createLogger } from '../logger.js';
import { loadDetector } from '../detector/loadDetector.js';
import { createRelitigationIndex } from '../storage/relitigationIndex.js';
import { openScratchDatabase } from '../storage/scratchDatabase.js';
import { oneOf } from './optionValues.js';
import { parseCommandArgs } from './parseCommandArgs.js';
import { checkFile } from './pathArgs.js';
import { evaluateRelitigation, explainLine, parseEvalLines } from './relitigationEvaluation.js';
import { quoted, UsageError } from './usageError.js';

export async function evalRelitigationCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      sensitivity: { type: 'string', default: 'normal' },
      verbose: { type: 'boolean', default: false },
      mode: { type: 'string', default: 'offline' },
      'postgres-server': { type: 'string' },
    },
    ['FILE.jsonl'],
  );
  const file = positionals[0];
  if (file === undefined) throw new UsageError('Give the labelled file (FILE.jsonl).');
  const sensitivity = oneOf('--sensitivity', values.sensitivity, ['low', 'normal', 'high']);
  const mode = oneOf('--mode', values.mode, ['offline', 'llm']);
  const server = values['postgres-server'];
  if (server !== undefined && !/^postgres(ql)?:\/\//.test(server))
    throw new UsageError(
      `--postgres-server takes a server's URL, as postgres://user:password@host:5432/postgres, not ${quoted(server)}.`,
    );
  await checkFile(file, 'the labelled file');
  const llm = mode === 'llm' ? llmHelp() : undefined;
  const lines = parseEvalLines(await readFile(file, 'utf8'), file);
  const { database, dispose } = await openScratchDatabase(server);
  try {
    const workspace = { workspaceId: `T_EVAL_${randomBytes(4).toString('hex')}`, enterpriseId: null };
    const detector = loadDetector();
    const report = await evaluateRelitigation(lines, {
      db: database.db,
      workspace,
      detector,
      sensitivity,
      llm,
      progress: (message) => console.error(message),
    });
    if (values.verbose) {
      const index = createRelitigationIndex(database.db);
      const show = async (kind: string, outcome: (typeof report.misses)[number]) => {
        const warned = outcome.warned.length > 0 ? outcome.warned.map((r) => `D-${r}`).join(', ') : 'nothing';
        console.log(
          `${kind} ${outcome.line.id} (${outcome.line.label}, own D-${outcome.ownRef}, warned ${warned}): ${outcome.line.message}`,
        );
        for (const reason of await explainLine(index, detector, workspace, outcome.line.message))
          console.log(`    ${reason}`);
      };
      for (const miss of report.misses) await show('MISS', miss);
      for (const alarm of report.falseAlarms) await show('FALSE ALARM', alarm);
    }
    console.log(JSON.stringify(report.result));
    return 0;
  } finally {
    await dispose();
  }
}

/** The app's LLM help, from the same variables; its failures are logged to stderr, so stdout ends with the result. */
function llmHelp(): LlmHelp {
  const openai = loadOpenAiConfig();
  const logger = createLogger('warn', pino.destination(2));
  return {
    llm: createOpenAiRelitigation({ ...openai, logger }),
    budgetMs: openai.timeoutMs,
    embeddingCache: new Map(),
  };
}
