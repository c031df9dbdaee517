import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../src/storage/embedded/dataFolderLock.js';
import { createServerDatabase, type ServerDatabase } from '../../src/storage/scratchDatabase.js';
import { lastJson, runCli } from '../support/cli.js';
import { SLOW_TEST_MS } from '../support/patience.js';

/**
 * `npm run cli -- move-to-postgres` as an operator runs it: an embedded ledger in DATA_DIR, filled
 * by `import`, moved to a database of its own on CI's PostgreSQL (TEST_DATABASE_URL), then read there
 * by `export` through DATABASE_URL.
 */
const SERVER = process.env.TEST_DATABASE_URL;
const GOVUK = new URL('../fixtures/adr-corpora/govuk-aws-nygard', import.meta.url).pathname;

describe.skipIf(!SERVER)('npm run cli -- move-to-postgres', () => {
  let dir: string;
  let env: Record<string, string>;
  let target: ServerDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'decision-ledger-move-'));
    env = { SLACK_SIGNING_SECRET: 'cli-test', SLACK_BOT_TOKEN: 'xoxb-cli-test', DATA_DIR: join(dir, 'data') };
    const imported = await runCli(['import', GOVUK, '--channel', 'C0ARCH', '--workspace', 'T0001'], env);
    expect(imported.code).toBe(0);
    target = await createServerDatabase(SERVER!, 'dl_move_cli');
  }, SLOW_TEST_MS);
  afterAll(async () => {
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'refuses while another process holds the data folder, and touches neither database',
    async () => {
      // This test's process stands for the running app: it holds the lock the app takes.
      const lock = lockDataFolder(env.DATA_DIR!);
      try {
        const refused = await runCli(['move-to-postgres', target.url], env);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain(`(pid ${process.pid}) is using the data folder`);
        expect(refused.stderr).toContain('Stop the app first');
      } finally {
        lock.release();
      }
    },
    SLOW_TEST_MS,
  );

  it(
    'moves the ledger, says which DATABASE_URL to set, and the ledger reads the same there',
    async () => {
      const moved = await runCli(['move-to-postgres', target.url], env);
      expect(moved.code, moved.stderr).toBe(0);
      expect(moved.stdout).toContain(`Set DATABASE_URL=${target.url}`);
      const counts = lastJson(moved.stdout).moved;
      expect(counts.decisions).toBeGreaterThan(10);

      const here = join(dir, 'from-data-dir');
      const there = join(dir, 'from-postgres');
      expect((await runCli(['export', '--out', here, '--workspace', 'T0001'], env)).code).toBe(0);
      const exported = await runCli(['export', '--out', there, '--workspace', 'T0001'], {
        ...env,
        DATABASE_URL: target.url,
      });
      expect(exported.code).toBe(0);
      expect(lastJson(exported.stdout)).toEqual({ exported: counts.decisions });
      expect(readdirSync(there).sort()).toEqual(readdirSync(here).sort());
    },
    SLOW_TEST_MS,
  );

  it(
    'refuses a database that already holds a ledger, saying so',
    async () => {
      const again = await runCli(['move-to-postgres', target.url], env);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already holds rows');
      expect(again.stderr).toContain('nothing was copied');
    },
    SLOW_TEST_MS,
  );

  it('names what to write instead of a URL that is not PostgreSQL’s, and of none', async () => {
    const wrong = await runCli(['move-to-postgres', 'mysql://db/ledger'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('write it as postgres://user:password@host:5432/name');
    const none = await runCli(['move-to-postgres'], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Give the PostgreSQL database to move to');
  });
});
