import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lastJson, runCli } from '../support/cli.js';
import { FakeOpenAi } from '../support/fakeOpenAi.js';
import { SLOW_TEST_MS } from '../support/patience.js';

/**
 * `npm run cli -- eval-relitigation` as an operator runs it, offline and in LLM mode against a
 * loopback server speaking the OpenAI API: the LLM mode judges as an opted-in workspace does.
 */

const DEV_SET = new URL('../fixtures/relitigation/relitigation-dev.jsonl', import.meta.url).pathname;
// A slice of the development set, so the LLM runs stay short: every label is in it.
const LINES = readFileSync(DEV_SET, 'utf8').trim().split('\n').slice(0, 36);

// Each run is its own process that starts an embedded database and records the slice's decisions.
const RUN_MS = SLOW_TEST_MS;

describe('npm run cli -- eval-relitigation', { timeout: 2 * RUN_MS }, () => {
  let offline: any;
  let offlineStderr = '';
  let dir: string;
  let file: string;
  let openai: FakeOpenAi;
  let llmEnv: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'decision-ledger-eval-'));
    file = join(dir, 'slice.jsonl');
    writeFileSync(file, `${LINES.join('\n')}\n`);
    openai = await new FakeOpenAi().start();
    // A budget a busy machine cannot miss: the failing endpoint below answers errors, it never hangs.
    llmEnv = { OPENAI_API_KEY: 'sk-eval-test', OPENAI_BASE_URL: openai.baseUrl, OPENAI_TIMEOUT_MS: '30000' };
    const run = await runCli(['eval-relitigation', file], {});
    expect(run.code).toBe(0);
    offline = lastJson(run.stdout);
    offlineStderr = run.stderr;
  }, RUN_MS);
  beforeEach(() => {
    openai.requests.length = 0;
    openai.embeddings = 'ok';
  });
  afterAll(async () => {
    await openai.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scores offline without any endpoint, saying what it is doing on stderr', () => {
    expect(offline).toMatchObject({ mode: 'offline' });
    expect(offlineStderr).toContain('recording');
    expect(offlineStderr).toContain('judging 36 messages');
    expect(offline.tp).toBeGreaterThan(0);
    expect(openai.requests).toEqual([]);
  });

  it('in LLM mode, asks the endpoint about what the offline judgement found, and its answers decide', async () => {
    // An LLM that says no to everything: nothing is warned about.
    openai.reply = '{"reopens": false}';
    const run = await runCli(['eval-relitigation', file, '--mode', 'llm'], llmEnv);
    expect(run.code).toBe(0);
    const result = lastJson(run.stdout);
    expect(result).toMatchObject({ mode: 'llm', tp: 0, fp: 0, llm_fallbacks: 0 });
    expect(openai.chatRequests().length).toBeGreaterThanOrEqual(offline.tp);
    expect(openai.embeddingRequests().length).toBeGreaterThan(0);
    expect(openai.chatRequests()[0].authorization).toBe('Bearer sk-eval-test');
    // The LLM is given the decision's rejected alternatives and the learned detector's score.
    const asked = JSON.parse(openai.chatRequests()[0].body.messages[1].content);
    expect(asked).toHaveProperty('rejected_alternatives');
    expect(asked.offline_detector_score).toBeGreaterThan(0);
    expect(asked.offline_detector_score).toBeLessThanOrEqual(1);
  });

  it('in LLM mode, judges offline where the endpoint fails, and counts those lines', async () => {
    openai.embeddings = 500;
    openai.reply = 500;
    const run = await runCli(['eval-relitigation', file, '--mode', 'llm'], llmEnv);
    expect(run.code).toBe(0);
    const result = lastJson(run.stdout);
    expect(result).toMatchObject({ mode: 'llm', tp: offline.tp, fp: offline.fp, fn: offline.fn });
    expect(result.llm_fallbacks).toBeGreaterThanOrEqual(offline.tp);
  });

  it('says what is missing when LLM mode has no endpoint, and refuses an unknown mode', async () => {
    const run = await runCli(['eval-relitigation', file, '--mode', 'llm'], {});
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/The LLM mode cannot run; fix its configuration/);
    expect(run.stderr).toMatch(/OPENAI_API_KEY is not set/);
    const gpt = await runCli(['eval-relitigation', file, '--mode', 'gpt'], {});
    expect(gpt.code).toBe(2);
    expect(gpt.stderr).toContain('--mode is offline or llm, not "gpt"');
  });
});
