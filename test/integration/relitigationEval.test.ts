import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRelitigation, parseEvalLines } from '../../src/cli/relitigationEvaluation.js';
import type { Database } from '../../src/storage/database.js';
import { detector } from '../support/detector.js';
import { createTestDatabase } from '../support/testDatabase.js';

/**
 * The scoring contract of test/fixtures/relitigation/README.md, run the way `npm run cli --
 * eval-relitigation` runs it, on sets the model was not fitted on. The floors sit a little below
 * what the committed model measures (docs/relitigation.md): a retrained model that does worse fails.
 */
const FIXTURES = new URL('../fixtures/relitigation/', import.meta.url);

describe('relitigation eval', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  const evaluate = async (file: string, workspaceId: string) =>
    (
      await evaluateRelitigation(parseEvalLines(await readFile(new URL(file, FIXTURES), 'utf8')), {
        db: database.db,
        workspace: { workspaceId, enterpriseId: null },
        detector,
      })
    ).result;

  it('holds its precision and recall on the Slack-style development set', async () => {
    const result = await evaluate('relitigation-dev.jsonl', 'TEVALDEV');
    expect(result.mode).toBe('offline');
    expect(result.precision).toBeGreaterThanOrEqual(0.85);
    expect(result.recall).toBeGreaterThanOrEqual(0.3);
    expect(result.false_alarm_rate_unrelated).toBe(0);
  });

  it('holds its precision and recall on real GitHub issues', async () => {
    const result = await evaluate('relitigation-real-dev.jsonl', 'TEVALREAL');
    expect(result.precision).toBeGreaterThanOrEqual(0.7);
    expect(result.recall).toBeGreaterThanOrEqual(0.55);
  });

  it("holds up on the project's own extra lines", async () => {
    const result = await evaluate('relitigation-extra.jsonl', 'TEVALEXTRA');
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.recall).toBeGreaterThanOrEqual(0.6);
  });
});
