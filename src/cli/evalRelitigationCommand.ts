import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { LlmHelp } from '../app/relitigation/judgeMessage.js';
import { loadOpenAiConfig } from '../config.js';
import { createOpenAiRelitigation } from '../llm/openAiRelitigation.js';
import { createLogger } from '../logger.js';
import type { WatchSensitivity } from '../domain/relitigation/types.js';
import { loadDetector } from '../detector/loadDetector.js';
import { createRelitigationIndex } from '../storage/relitigationIndex.js';
import { openScratchDatabase } from '../storage/scratchDatabase.js';
import { evaluateRelitigation, explainLine, parseEvalLines } from './relitigationEvaluation.js';

export const EVAL_RELITIGATION_USAGE = `eval-relitigation FILE.jsonl [--sensitivity low|normal|high] [--verbose]
                  [--mode offline|llm] [--postgres-server URL]

  Scores the relitigation detector on labelled Slack messages (format and scoring:
  test/fixtures/relitigation/README.md). Its decisions are recorded into a fresh workspace of a fresh
  in-memory PGlite database, or with --postgres-server postgres://… into a database created on
  that server for the run and dropped after it; DATABASE_URL is ignored, so the eval never reads or
  writes the app's own decisions. The last line printed is the result as JSON.

  --sensitivity  the channel setting the messages are judged under (default normal)
  --verbose      print each miss and false alarm, with the detector's reasons, before the result
  --mode         offline (default); llm: judge as a workspace that ran \`/decide llm on\` does, with the
                 endpoint of OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_EMBEDDING_MODEL and
                 OPENAI_TIMEOUT_MS (every message is sent to it; lines the LLM did not answer in time
                 are judged offline and counted as llm_fallbacks)`;

export async function evalRelitigationCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sensitivity: { type: 'string', default: 'normal' },
      verbose: { type: 'boolean', default: false },
      mode: { type: 'string', default: 'offline' },
      'postgres-server': { type: 'string' },
    },
  });
  const file = positionals[0];
  const sensitivity = values.sensitivity as Exclude<WatchSensitivity, 'off'>;
  const problems = [
    ...(file ? [] : ['give the labelled file (FILE.jsonl)']),
    ...(['low', 'normal', 'high'].includes(sensitivity)
      ? []
      : [`--sensitivity is low, normal or high, not "${sensitivity}"`]),
    ...(['offline', 'llm'].includes(values.mode) ? [] : [`--mode is offline or llm, not "${values.mode}"`]),
  ];
  if (problems.length > 0 || !file) {
    console.error(`${problems.join('; ')}.\n\nusage: npm run cli -- ${EVAL_RELITIGATION_USAGE}`);
    return 2;
  }
  const llm = values.mode === 'llm' ? llmHelp() : undefined;
  const lines = parseEvalLines(await readFile(file, 'utf8'));
  const { database, dispose } = await openScratchDatabase(values['postgres-server']);
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
