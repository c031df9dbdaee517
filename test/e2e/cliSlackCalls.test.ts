import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lastJson, runCli } from '../support/cli.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { createTestDatabaseUrl } from '../support/testDatabase.js';

/**
 * The Slack calls of the CLI against a Slack that fails: a few tries at most (one, then two
 * retries), then a sentence that says what happened and what to do instead, never a wait without
 * end. SLACK_API_TIMEOUT_MS is the app's own setting (10 s by default); a short one here lets a
 * Slack that never answers be tried without waiting tens of seconds.
 */

// Each run is a process that may open a database; a busy machine makes that slow.
const RUN_MS = 120_000;

describe('the CLI calling a Slack that fails', { timeout: RUN_MS }, () => {
  let slack: FakeSlack;
  let dir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    dir = mkdtempSync(join(tmpdir(), 'decision-ledger-cli-slack-'));
    const server = await createTestDatabaseUrl();
    drop = server.drop;
    env = {
      SLACK_SIGNING_SECRET: 'cli-test',
      SLACK_BOT_TOKEN: 'xoxb-cli-test',
      SLACK_API_URL: slack.apiUrl,
      ...(server.url ? { DATABASE_URL: server.url } : { DATA_DIR: join(dir, 'data') }),
    };
  }, RUN_MS);
  beforeEach(() => slack.reset());
  afterAll(async () => {
    await slack.stop();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for the workspace three times at most when Slack answers 500, then says to give --workspace', async () => {
    slack.failNext('auth.test', { status: 500 }, 10);
    const run = await runCli(['export', '--out', join(dir, 'export')], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `Slack (${slack.apiUrl}) did not answer auth.test within 10 s, or answered with an error, 3 times.`,
    );
    expect(run.stderr).toContain('Give the workspace with --workspace T0123ABCD');
    expect(slack.callsOf('auth.test')).toHaveLength(3);
  });

  it('gives up on a Slack that never answers, each try cut at SLACK_API_TIMEOUT_MS', async () => {
    slack.hang('auth.test');
    const run = await runCli(['import', dir, '--channel', 'C0ARCH'], { ...env, SLACK_API_TIMEOUT_MS: '1000' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('did not answer auth.test within 1 s');
    expect(run.stderr).toContain('--workspace T0123ABCD');
    // Counted as they arrive: a try the machine was too busy to send in time never got here.
    expect(slack.callsOf('auth.test').length).toBeGreaterThan(0);
    expect(slack.callsOf('auth.test').length).toBeLessThanOrEqual(3);
  });

  it('does not retry a token Slack refuses, and names what Slack said', async () => {
    slack.failNext('auth.test', { body: { ok: false, error: 'invalid_auth' } }, 10);
    const run = await runCli(['digest', '--channel', 'C0TEAM', '--dry-run'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Slack refused auth.test: invalid_auth (check SLACK_BOT_TOKEN');
    expect(slack.callsOf('auth.test')).toHaveLength(1);
  });

  it('posts a digest in three tries at most when Slack answers 503, and says it was not posted', async () => {
    slack.failNext('chat.postMessage', { status: 503 }, 10);
    const run = await runCli(['digest', '--channel', 'C0TEAM', '--workspace', 'T0001'], env);
    expect(run.code).toBe(1);
    expect(lastJson(run.stdout)).toMatchObject({ channel: 'C0TEAM', status: 'failed', problem: 'unavailable' });
    expect(run.stderr).toContain('The digest was not posted. Slack (');
    expect(slack.callsOf('chat.postMessage')).toHaveLength(3);
    expect(slack.callsOf('auth.test')).toHaveLength(0);
  });
});
