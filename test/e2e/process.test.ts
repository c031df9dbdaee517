import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnAppProcess, startAppProcess } from '../support/appProcess.js';
import { lastJson, runCli } from '../support/cli.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { slashCommandForm } from '../support/slackRequestBodies.js';
import { formBody, signedPost } from '../support/slackRequests.js';
import postgres from 'postgres';
import { MIGRATION_LOCK_KEY } from '../../src/storage/database.js';
import { createTestDatabaseUrl } from '../support/testDatabase.js';

/**
 * The app as an operator runs it: its own process, configured only through the environment,
 * on the embedded database (or, in CI's second pass, PostgreSQL), stopped with SIGTERM.
 */

const SECRET = 'process-test-signing-secret';

function command(url: string, text: string, responseUrl: string) {
  const body = slashCommandForm({
    team: 'T0001',
    channel: 'C0PROC',
    user: 'U0ANA',
    text,
    responseUrl,
    triggerId: `trigger-${Math.random()}`,
  });
  return signedPost(`${url}/slack/events`, SECRET, body, 'application/x-www-form-urlencoded');
}

describe('npm start, as a process', () => {
  const slack = new FakeSlack();
  let dataDir: string;
  let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    await slack.start();
    dataDir = mkdtempSync(join(tmpdir(), 'decision-ledger-'));
    database = await createTestDatabaseUrl();
    env = {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_API_URL: slack.apiUrl,
      DATA_DIR: dataDir,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    };
  });
  afterAll(async () => {
    await slack.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to start without its Slack credentials, saying what to set', async () => {
    const { exited, output } = spawnAppProcess({ SLACK_API_URL: 'not a url' });
    expect(await exited).toBe(78);
    expect(output()).toContain('SLACK_SIGNING_SECRET');
    expect(output()).toContain('Signing Secret');
    expect(output()).toContain('SLACK_BOT_TOKEN');
    expect(output()).toContain('SLACK_API_URL must be an http(s) URL');
  });

  it('refuses to start when Slack rejects the bot token', async () => {
    slack.failNext('auth.test', { body: { ok: false, error: 'invalid_auth' } }, 5);
    const { exited, output } = spawnAppProcess({ ...env, PORT: String(await freePort()), SLACK_API_MAX_RETRIES: '0' });
    expect(await exited).toBe(1);
    expect(output()).toContain('Slack did not accept SLACK_BOT_TOKEN');
    expect(output()).toContain('invalid_auth');
    slack.reset();
  });

  it("logs only JSON lines, the Web API client's retries at start-up included", async () => {
    slack.failNext(
      'auth.test',
      { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } },
      1,
    );
    const app = await startAppProcess({ ...env, LOG_LEVEL: 'info', SLACK_API_MAX_RETRIES: '2' });
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    const lines = app
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(lines.some((line) => line.includes('"component":"bolt"'))).toBe(true);
    slack.reset();
  });

  it('records a decision, stops cleanly on SIGTERM, and still has it after a restart', async () => {
    const first = await startAppProcess(env);
    const recorded = await command(
      first.url,
      'We keep decisions in Slack because that is where they happen #process',
      slack.responseUrl('r1'),
    );
    expect(recorded.status).toBe(200);
    await slack.waitFor('chat.postMessage');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startAppProcess(env);
    try {
      const listed = await command(second.url, 'list #process', slack.responseUrl('r2'));
      expect(JSON.stringify(await listed.json())).toContain('We keep decisions in Slack');
      const searched = await command(second.url, 'search happen', slack.responseUrl('r3'));
      expect(JSON.stringify(await searched.json())).toContain('We keep decisions in Slack');
      const forged = await signedPost(
        `${second.url}/slack/events`,
        'wrong-secret',
        formBody({ command: '/decide', text: 'We forge #process' }),
        'application/x-www-form-urlencoded',
      );
      expect(forged.status).toBe(401);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });
});

describe('one process per embedded data folder', () => {
  const slack = new FakeSlack();
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    await slack.start();
    dir = mkdtempSync(join(tmpdir(), 'decision-ledger-lock-'));
    // The embedded database on both of CI's passes: the lock is about DATA_DIR.
    env = {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-lock-test',
      SLACK_API_URL: slack.apiUrl,
      DATA_DIR: join(dir, 'data'),
    };
  });
  afterAll(async () => {
    await slack.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a command and a second app while the app holds the folder, and the app loses nothing', async () => {
    const app = await startAppProcess(env);
    try {
      expect((await command(app.url, 'We lock the data folder #ops', slack.responseUrl('l1'))).status).toBe(200);
      await slack.waitFor('chat.postMessage');
      const adrs = join(dir, 'adrs');
      mkdirSync(adrs);
      writeFileSync(join(adrs, '0001-imported.md'), '---\nstatus: accepted\n---\n# Imported while running\n');
      const postmasterBefore = existsSync(join(env.DATA_DIR!, 'postmaster.pid'));

      const imported = await runCli(['import', adrs, '--channel', 'C0PROC', '--workspace', 'T0001'], env);
      expect(imported.code).not.toBe(0);
      expect(imported.stderr).toContain(
        `Another Decision Ledger process (pid ${app.child.pid}) is using the data folder ${env.DATA_DIR}. Stop the app first`,
      );
      expect(imported.stdout).toBe('');
      expect(existsSync(join(env.DATA_DIR!, 'postmaster.pid'))).toBe(postmasterBefore);

      const second = spawnAppProcess({ ...env, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain(`Another Decision Ledger process (pid ${app.child.pid})`);

      const listed = await command(app.url, 'list #ops', slack.responseUrl('l2'));
      expect(JSON.stringify(await listed.json())).toContain('We lock the data folder');
    } finally {
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    }
    expect(existsSync(join(env.DATA_DIR!, 'decision-ledger.lock'))).toBe(false);

    // Stopped: the same command now runs, and finds only what the app wrote.
    const exported = await runCli(['export', '--out', join(dir, 'out'), '--workspace', 'T0001'], env);
    expect(exported.code).toBe(0);
    expect(lastJson(exported.stdout)).toEqual({ exported: 1 });
  }, 180_000);

  it('takes over a lock left by a process that no longer runs', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(join(env.DATA_DIR!, 'decision-ledger.lock'), JSON.stringify({ pid: gone.pid, host: hostname() }));

    const exported = await runCli(['export', '--out', join(dir, 'again'), '--workspace', 'T0001'], env);
    expect(exported.stderr).not.toContain('Another Decision Ledger process');
    expect(exported.code).toBe(0);
    expect(lastJson(exported.stdout)).toEqual({ exported: 1 });
    expect(existsSync(join(env.DATA_DIR!, 'decision-ledger.lock'))).toBe(false);
  }, 120_000);
});

// The migration lock is PostgreSQL's (an advisory lock); the embedded database has one writer.
describe.skipIf(!process.env.TEST_DATABASE_URL)('start-up an orchestrator can trust (PostgreSQL)', () => {
  const slack = new FakeSlack();
  let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
  let env: Record<string, string>;
  /** Another replica, mid-migration: a session holding the migration lock. */
  let replica: postgres.Sql;

  beforeAll(async () => {
    await slack.start();
    database = await createTestDatabaseUrl();
    env = {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-startup-test',
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: database.url!,
    };
    replica = postgres(database.url!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await replica.end();
    await slack.stop();
    await database.drop();
  });

  it('answers /healthz while another replica migrates, is not ready, asks Slack to retry, and stops on SIGTERM', async () => {
    await replica.unsafe(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    const app = await startAppProcess(env, '/healthz');
    try {
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'starting' });
      const early = await command(app.url, 'We wait for migrations #startup', slack.responseUrl('s0'));
      expect(early.status).toBe(503);
      expect(early.headers.get('retry-after')).toBe('2');
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      app.child.kill('SIGKILL');
      await replica.unsafe(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });

  it('becomes ready once the other replica lets go of the lock, and serves Slack', async () => {
    await replica.unsafe(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    const app = await startAppProcess(env, '/healthz');
    try {
      expect((await fetch(`${app.url}/readyz`)).status).toBe(503);
      await replica.unsafe(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
      const deadline = Date.now() + 60_000;
      while ((await fetch(`${app.url}/readyz`)).status !== 200) {
        if (Date.now() > deadline) throw new Error(`never ready:\n${app.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const recorded = await command(app.url, 'We migrate one replica at a time #startup', slack.responseUrl('s1'));
      expect(recorded.status).toBe(200);
      await slack.waitFor('chat.postMessage');
    } finally {
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    }
  });

  it('gives up waiting for the migration lock after MIGRATION_LOCK_TIMEOUT_MS, saying why', async () => {
    await replica.unsafe(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      const { exited, output } = spawnAppProcess({
        ...env,
        PORT: String(await freePort()),
        MIGRATION_LOCK_TIMEOUT_MS: '500',
      });
      expect(await exited).toBe(1);
      expect(output()).toContain('holds the migration lock');
      expect(output()).toContain('MIGRATION_LOCK_TIMEOUT_MS');
    } finally {
      await replica.unsafe(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
});
