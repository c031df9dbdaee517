import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { type Database, openDatabase } from '../storage/database.js';
import { createRelitigationIndex } from '../storage/relitigationIndex.js';
import { type EvalSplit, evaluateRelitigation, explainLine, parseEvalLines } from './relitigationEvaluation.js';

export const EVAL_RELITIGATION_USAGE = `eval-relitigation FILE.jsonl [--split all|dev|holdout] [--verbose] [--postgres-server URL]

  Scores the offline relitigation detector on labelled Slack messages (format and scoring:
  ../shared/eval/README.md). Its decisions are recorded into a fresh workspace of a fresh
  in-memory PGlite database, or with --postgres-server postgres://… into a database created on
  that server for the run and dropped after it. The last line printed is the result as JSON.

  --split     all (default); dev: lines of the decisions used for tuning; holdout: lines of every
              third decision (in order of first appearance), kept out of tuning
  --verbose   print each miss and false alarm, with the detector's reasons, before the result`;

export async function evalRelitigationCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      split: { type: 'string', default: 'all' },
      verbose: { type: 'boolean', default: false },
      'postgres-server': { type: 'string' },
    },
  });
  const file = positionals[0];
  const split = values.split as EvalSplit;
  if (!file || !['all', 'dev', 'holdout'].includes(split)) {
    console.error(`usage: ${EVAL_RELITIGATION_USAGE}`);
    return 2;
  }
  const lines = parseEvalLines(await readFile(file, 'utf8'));
  const { database, dispose } = await freshDatabase(values['postgres-server']);
  try {
    const workspace = { workspaceId: `T_EVAL_${randomBytes(4).toString('hex')}`, enterpriseId: null };
    const report = await evaluateRelitigation(lines, { db: database.db, workspace, split });
    if (values.verbose) {
      const index = createRelitigationIndex(database.db);
      const show = async (kind: string, outcome: (typeof report.misses)[number]) => {
        const warned = outcome.warned.length > 0 ? outcome.warned.map((r) => `D-${r}`).join(', ') : 'nothing';
        console.log(`${kind} ${outcome.line.id} (${outcome.line.label}, own D-${outcome.ownRef}, warned ${warned}): ${outcome.line.message}`);
        for (const reason of await explainLine(index, workspace, outcome.line.message)) console.log(`    ${reason}`);
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

/** A migrated database nobody else uses, and how to get rid of it. */
async function freshDatabase(serverUrl: string | undefined): Promise<{ database: Database; dispose(): Promise<void> }> {
  if (!serverUrl) {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await database.migrate();
    return { database, dispose: () => database.close() };
  }
  const name = `decision_ledger_eval_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  await database.migrate();
  return {
    database,
    async dispose() {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
