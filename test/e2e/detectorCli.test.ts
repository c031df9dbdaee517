import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJson, runCli } from '../support/cli.js';
import { SLOW_TEST_MS } from '../support/patience.js';

/**
 * `npm run cli -- train-detector` and `reindex` as a maintainer runs them: training reproduces the
 * committed model byte for byte, and prints its cross-validation; reindex builds index rows.
 */
const COMMITTED = new URL('../../models/relitigation-detector.json', import.meta.url);
// Training reads 2,395 lines and fits nine times (one per held-out area, then on all of them).
const TRAIN_MS = 240_000;

describe('npm run cli -- train-detector', { timeout: TRAIN_MS }, () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'decision-ledger-train-'));
    run = await runCli(['train-detector', '--out', dir], {});
  }, TRAIN_MS);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reproduces the committed model byte for byte', () => {
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'relitigation-detector.json')).equals(readFileSync(COMMITTED))).toBe(true);
  });

  it('prints leave-one-area-out cross-validation in the eval form, per area too', () => {
    const result = lastJson(run.stdout);
    expect(result).toMatchObject({ mode: 'offline' });
    for (const key of [
      'precision',
      'recall',
      'f1',
      'tp',
      'fp',
      'fn',
      'false_alarm_rate_related',
      'false_alarm_rate_unrelated',
    ])
      expect(result).toHaveProperty(key);
    expect(Object.keys(result.areas).sort()).toEqual([
      'business',
      'code',
      'data',
      'oss',
      'platform',
      'process',
      'product',
      'security',
    ]);
    // Calibrated on these very predictions for precision first.
    expect(result.precision).toBeGreaterThanOrEqual(0.85);
    const model = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    expect(result.threshold).toBe(model.thresholds.normal.strong);
  });
});

describe('npm run cli -- reindex', { timeout: SLOW_TEST_MS }, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'decision-ledger-reindex-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs without Slack credentials, and says what it did', async () => {
    const run = await runCli(['reindex'], { DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    const model = JSON.parse(readFileSync(COMMITTED, 'utf8'));
    expect(lastJson(run.stdout)).toEqual({ modelVersion: model.version, indexed: 0 });
  });
});
