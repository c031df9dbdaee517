import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, slashCommand, startAppProcess } from '../support/appProcess.js';
import { lastJson, runCli } from '../support/cli.js';
import { FakeSlack } from '../support/fakeSlack.js';
import { SLOW_TEST_MS } from '../support/patience.js';

/**
 * `npm run cli -- backup` and `restore` as an operator runs them, on the embedded database (both of
 * CI's passes: backups are DATA_DIR's business): with the app stopped, and while it runs, through it.
 */
const GOVUK = new URL('../fixtures/adr-corpora/govuk-aws-nygard', import.meta.url).pathname;
const SECRET = 'backup-test-signing-secret';
const ADMIN_TOKEN = 'backup-test-admin-token-0123456789';

describe('npm run cli -- backup / restore', () => {
  let dir: string;
  const envFor = (folder: string) => ({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-backup-test',
    DATA_DIR: join(dir, folder),
  });
  /** The files `export` writes for workspace T0001, as a list of names. */
  const exported = async (folder: string) => {
    const out = join(dir, `export-${folder}-${Math.random().toString(36).slice(2)}`);
    const result = await runCli(['export', '--out', out, '--workspace', 'T0001'], envFor(folder));
    expect(result.code, result.stderr).toBe(0);
    return readdirSync(out).sort();
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'decision-ledger-backup-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('with the app stopped', () => {
    const file = () => join(dir, 'a.tar.gz');
    let before: string[];

    it(
      'backs up the ledger in DATA_DIR to a new file, and never over an older backup',
      async () => {
        const imported = await runCli(['import', GOVUK, '--channel', 'C0ARCH', '--workspace', 'T0001'], envFor('a'));
        expect(imported.code).toBe(0);
        const backup = await runCli(['backup', file()], envFor('a'));
        expect(backup.code, backup.stderr).toBe(0);
        expect(lastJson(backup.stdout)).toMatchObject({ backup: file() });
        const again = await runCli(['backup', file()], envFor('a'));
        expect(again.code).toBe(1);
        expect(again.stderr).toContain('already exists; give the backup a new file name');
      },
      SLOW_TEST_MS,
    );

    it(
      'restores it into a new folder, which then holds the same ledger',
      async () => {
        const restored = await runCli(['restore', file()], envFor('b'));
        expect(restored.code, restored.stderr).toBe(0);
        before = await exported('a');
        expect(lastJson(restored.stdout)).toMatchObject({ decisions: before.length, setAside: null });
        expect(await exported('b')).toEqual(before);
      },
      SLOW_TEST_MS,
    );

    it(
      'refuses a folder that holds a ledger unless told, and a file that is no backup, touching nothing',
      async () => {
        const refused = await runCli(['restore', file()], envFor('b'));
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('is not empty');
        expect(refused.stderr).toContain('--replace');

        const notBackup = join(dir, 'notes.txt');
        writeFileSync(notBackup, 'not a backup');
        const wrongFile = await runCli(['restore', notBackup, '--replace'], envFor('b'));
        expect(wrongFile.code).toBe(1);
        expect(wrongFile.stderr).toContain('is not a backup');
        expect(readdirSync(join(dir, 'b'))).toContain('PG_VERSION');
      },
      SLOW_TEST_MS,
    );

    it(
      'replaces a folder’s ledger when told, setting the old one aside',
      async () => {
        const replaced = await runCli(['restore', file(), '--replace'], envFor('b'));
        expect(replaced.code, replaced.stderr).toBe(0);
        const { setAside } = lastJson(replaced.stdout);
        expect(existsSync(join(setAside, 'PG_VERSION'))).toBe(true);
        expect(await exported('b')).toEqual(before);
      },
      SLOW_TEST_MS,
    );
  });

  describe('while the app runs', () => {
    const slack = new FakeSlack();
    let app: AppProcess;
    beforeAll(async () => {
      await slack.start();
      app = await startAppProcess({ ...envFor('live'), SLACK_API_URL: slack.apiUrl, ADMIN_TOKEN });
    }, SLOW_TEST_MS);
    afterAll(async () => {
      if (app) expect(await app.stop()).toBe(0);
      await slack.stop();
    });

    it(
      'refuses to read the folder itself, backs up through the app with its token, and the backup holds what the app recorded',
      async () => {
        /** A decision recorded through the running app, as Slack would send the command. */
        const record = (text: string, response: string) =>
          slashCommand(app.url, SECRET, {
            team: 'T0001',
            channel: 'C0LIVE',
            text,
            responseUrl: slack.responseUrl(response),
          });
        expect((await record('We back up the running ledger #ops', 'r1')).status).toBe(200);
        await slack.waitFor('chat.postMessage');

        const file = join(dir, 'live.tar.gz');
        const direct = await runCli(['backup', file], envFor('live'));
        expect(direct.code).toBe(1);
        expect(direct.stderr).toContain(`(pid ${app.child.pid}) is using the data folder`);
        expect(direct.stderr).toContain('--from');
        expect(existsSync(file)).toBe(false);

        const wrongToken = await runCli(['backup', file, '--from', app.url], {
          ...envFor('live'),
          ADMIN_TOKEN: 'not-the-token-of-this-app-at-all',
        });
        expect(wrongToken.code).toBe(1);
        expect(wrongToken.stderr).toContain('refused the ADMIN_TOKEN');

        const backup = await runCli(['backup', file, '--from', app.url], { ...envFor('live'), ADMIN_TOKEN });
        expect(backup.code, backup.stderr).toBe(0);
        // The app carries on: a second decision is recorded after the backup.
        expect((await record('We record after the backup #ops', 'r2')).status).toBe(200);
        await slack.waitFor('chat.postMessage', 2);

        const restored = await runCli(['restore', file], envFor('from-live'));
        expect(restored.code, restored.stderr).toBe(0);
        expect(lastJson(restored.stdout)).toMatchObject({ decisions: 1 });
        const files = await exported('from-live');
        expect(files).toHaveLength(1);
        expect(files[0]).toContain('back-up-the-running-ledger');
      },
      SLOW_TEST_MS,
    );
  });
});
