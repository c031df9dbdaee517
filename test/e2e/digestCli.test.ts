import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/domain/workspace.js';
import { openDatabase } from '../../src/storage/database.js';
import { createCostRepository } from '../../src/storage/costRepository.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { runCli } from '../support/cli.js';
import { createTestDatabaseUrl } from '../support/testDatabase.js';
import { SLOW_TEST_MS } from '../support/patience.js';

/** `npm run cli -- digest …` as an operator runs it: its own process, configured by the environment. */

const WORKSPACE: Workspace = { workspaceId: 'T0001', enterpriseId: null };

describe('npm run cli -- digest', () => {
  let slack: FakeSlack;
  let env: Record<string, string>;
  let dataDir: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    dataDir = mkdtempSync(join(tmpdir(), 'decision-ledger-cli-'));
    const server = await createTestDatabaseUrl();
    drop = server.drop;
    env = {
      SLACK_SIGNING_SECRET: 'cli-test-secret',
      SLACK_BOT_TOKEN: 'xoxb-cli-test',
      SLACK_API_URL: slack.apiUrl,
      ...(server.url ? { DATABASE_URL: server.url } : { DATA_DIR: dataDir }),
    };
    // A meeting in the channel, recorded through the app's own repository.
    const database = await openDatabase(
      server.url ? { kind: 'postgres', url: server.url } : { kind: 'pglite', dataDir },
    );
    await database.migrate();
    const now = new Date();
    await createCostRepository(database.db).record({
      workspace: WORKSPACE,
      channelId: 'C0TEAM',
      channelPrivate: false,
      kind: 'meeting',
      source: 'command',
      sourceKey: 'cli-test',
      occurredAt: new Date(now.getTime() - 86_400_000),
      day: new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10),
      title: 'planning',
      decision: null,
      personHours: 4,
      waitHours: 0,
      money: 400,
      buildHours: 4.8,
      currency: 'EUR',
      inputs: {},
      createdBy: 'U0ANA',
    });
    await database.close();
  }, SLOW_TEST_MS);
  afterAll(async () => {
    await slack.stop();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'prints the digest without posting it with --dry-run',
    async () => {
      const run = await runCli(['digest', '--channel', 'C0TEAM', '--workspace', 'T0001', '--dry-run'], env);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Meetings');
      expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toMatchObject({ channel: 'C0TEAM', posted: false });
      expect(slack.callsOf('chat.postMessage')).toHaveLength(0);
    },
    SLOW_TEST_MS,
  );

  it(
    'posts it, with the chart in its thread, for the bot token’s workspace',
    async () => {
      const run = await runCli(['digest', '--channel', 'C0TEAM'], env);
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
      expect(summary).toMatchObject({ channel: 'C0TEAM', status: 'posted', chart: true });
      const [post] = slack.callsOf('chat.postMessage');
      expect(post!.params.channel).toBe('C0TEAM');
      expect(slack.callsOf('files.completeUploadExternal')).toHaveLength(1);
    },
    SLOW_TEST_MS,
  );

  it(
    'explains its usage when the channel is missing',
    async () => {
      const run = await runCli(['digest'], env);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('digest --channel C123');
    },
    SLOW_TEST_MS,
  );
});
