import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRelitigation, parseEvalLines } from '../../src/cli/relitigationEvaluation.js';
import type { Database } from '../../src/storage/database.js';
import { createTestDatabase } from '../support/testDatabase.js';

// The scoring contract of ../shared/eval/README.md, run the way `npm run cli -- eval-relitigation` runs it.
const DEV_SET = new URL('../../../shared/eval/relitigation-dev.jsonl', import.meta.url);
const EXTRA = new URL('../fixtures/relitigation-extra.jsonl', import.meta.url);

describe('relitigation eval', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('meets its targets on the development set: precision ≥ 0.90, recall ≥ 0.75', async () => {
    const lines = parseEvalLines(await readFile(DEV_SET, 'utf8'));
    const { result } = await evaluateRelitigation(lines, { db: database.db, workspace: { workspaceId: 'TEVALDEV', enterpriseId: null }, split: 'all' });
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.recall).toBeGreaterThanOrEqual(0.75);
    expect(result.mode).toBe('offline');
  });

  it('holds up on the decisions kept out of tuning and on lines about other topics', async () => {
    const devLines = parseEvalLines(await readFile(DEV_SET, 'utf8'));
    const heldOut = await evaluateRelitigation(devLines, { db: database.db, workspace: { workspaceId: 'TEVALHOLD', enterpriseId: null }, split: 'holdout' });
    expect(heldOut.result.precision).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.result.recall).toBeGreaterThanOrEqual(0.7);
    const extra = await evaluateRelitigation(parseEvalLines(await readFile(EXTRA, 'utf8')), {
      db: database.db,
      workspace: { workspaceId: 'TEVALEXTRA', enterpriseId: null },
      split: 'all',
    });
    expect(extra.result.precision).toBeGreaterThanOrEqual(0.9);
    expect(extra.result.recall).toBeGreaterThanOrEqual(0.75);
  });
});
