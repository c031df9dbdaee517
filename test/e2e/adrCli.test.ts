import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJson, runCli } from '../support/cli.js';
import { createTestDatabaseUrl } from '../support/testDatabase.js';
import { SLOW_TEST_MS } from '../support/patience.js';

/** `npm run cli -- import|export` as an operator runs them: their own process, the app's configuration. */

const GOVUK = new URL('../fixtures/adr-corpora/govuk-aws-nygard', import.meta.url).pathname;

describe('npm run cli -- import / export', () => {
  let dir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'decision-ledger-adr-'));
    const server = await createTestDatabaseUrl();
    drop = server.drop;
    env = {
      SLACK_SIGNING_SECRET: 'cli-test',
      SLACK_BOT_TOKEN: 'xoxb-cli-test',
      ...(server.url ? { DATABASE_URL: server.url } : { DATA_DIR: join(dir, 'data') }),
    };
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'imports a folder once, says so in a JSON line, and exports it as MADR files',
    async () => {
      const files = readdirSync(GOVUK).filter((f) => f.endsWith('.md')).length;
      const first = await runCli(['import', GOVUK, '--channel', 'C0ARCH', '--workspace', 'T0001'], env);
      expect(first.code).toBe(0);
      const summary = lastJson(first.stdout);
      expect(summary.imported + summary.skipped).toBe(files);
      expect(Array.isArray(summary.warnings)).toBe(true);
      expect(
        lastJson((await runCli(['import', GOVUK, '--channel', 'C0ARCH', '--workspace', 'T0001'], env)).stdout),
      ).toMatchObject({ imported: 0, updated: 0 });

      const out = join(dir, 'decisions');
      const exported = await runCli(['export', '--out', out, '--workspace', 'T0001'], env);
      expect(exported.code).toBe(0);
      expect(lastJson(exported.stdout)).toEqual({ exported: summary.imported });
      const written = readdirSync(out).sort();
      expect(written[0]).toMatch(/^0001-[a-z0-9-]+\.md$/);
      expect(readFileSync(join(out, written[0]!), 'utf8')).toMatch(/^---\nstatus: /);
    },
    SLOW_TEST_MS,
  );

  it(
    'exports private decisions only when asked, marked so that an import keeps them private',
    async () => {
      // The flags' wiring; what the mark does in each format, through an import elsewhere, is adrImport.test.ts's.
      const adr = (title: string) =>
        `---\nstatus: accepted\ndate: 2026-02-03\n---\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n`;
      const importInto = async (channel: string, file: string, title: string, extra: string[] = []) => {
        const single = join(dir, `single-${channel}`);
        mkdirSync(single, { recursive: true });
        writeFileSync(join(single, file), adr(title));
        return runCli(['import', single, '--channel', channel, '--workspace', 'T0PRIV', ...extra], env);
      };
      expect((await importInto('C0OPEN', '0001-open-roadmap.md', 'Open roadmap')).code).toBe(0);
      expect(
        (await importInto('G0HR', '0002-salary-bands.md', 'Salary bands stay confidential', ['--private'])).code,
      ).toBe(0);

      const plain = join(dir, 'export-plain');
      expect(lastJson((await runCli(['export', '--out', plain, '--workspace', 'T0PRIV'], env)).stdout)).toEqual({
        exported: 1,
      });
      expect(readdirSync(plain).join(' ')).not.toContain('salary');
      const full = join(dir, 'export-full');
      const all = await runCli(['export', '--out', full, '--workspace', 'T0PRIV', '--include-private'], env);
      expect(lastJson(all.stdout)).toEqual({ exported: 2 });
      const salary = readdirSync(full).find((f) => f.includes('salary'))!;
      expect(readFileSync(join(full, salary), 'utf8')).toContain('x-private: true');
    },
    SLOW_TEST_MS,
  );

  it(
    'makes a DATA_DIR that does not exist yet',
    async () => {
      const fresh: Record<string, string> = { ...env, DATA_DIR: join(dir, 'not', 'yet', 'there') };
      delete fresh.DATABASE_URL;
      const named = await runCli(['export', '--out', join(dir, 'fresh-export'), '--workspace', 'T0FRESH'], fresh);
      expect(named.code).toBe(0);
      expect(lastJson(named.stdout)).toEqual({ exported: 0 });
    },
    SLOW_TEST_MS,
  );

  it(
    'says how far it has got on stderr, not a line per file, and keeps stdout for the result',
    async () => {
      const folder = join(dir, 'many');
      mkdirSync(folder, { recursive: true });
      for (let i = 1; i <= 120; i++)
        writeFileSync(
          join(folder, `${String(i).padStart(4, '0')}-decision-${i}.md`),
          `---\nstatus: accepted\ndate: 2026-02-03\n---\n# Decision number ${i}\n\n## Context and Problem Statement\n\nWhy ${i}.\n`,
        );
      // The cadence (every hundred, or every couple of seconds) is progressCounter's unit test's.
      const counted = (stderr: string, doing: string) =>
        stderr.split('\n').filter((line) => line.startsWith(`${doing} `));
      const imported = await runCli(['import', folder, '--channel', 'C0MANY', '--workspace', 'T0MANY'], env);
      expect(imported.code).toBe(0);
      const importing = counted(imported.stderr, 'importing');
      for (const line of importing) expect(line).toMatch(/^importing \d+\/120 files$/);
      expect(importing.at(-1)).toBe('importing 120/120 files');
      expect(importing.length).toBeLessThan(120);
      expect(imported.stdout.trim().split('\n')).toHaveLength(1);
      expect(lastJson(imported.stdout)).toMatchObject({ imported: 120 });

      const exported = await runCli(['export', '--out', join(dir, 'many-out'), '--workspace', 'T0MANY'], env);
      expect(counted(exported.stderr, 'writing').at(-1)).toBe('writing 120/120 files');
      expect(exported.stdout.trim()).toBe('{"exported":120}');
    },
    SLOW_TEST_MS,
  );

  it(
    'answers --help on stdout, names an option it does not take, says when a folder is missing, and needs no Slack credentials given the workspace',
    async () => {
      const help = await runCli(['export', '--help'], {});
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('export --out DIR');
      const all = await runCli(['--help'], {});
      expect(all.code).toBe(0);
      expect(all.stdout).toContain('train-detector');
      const unknown = await runCli(['import', 'x', '--chanel', 'C0ARCH'], {});
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('There is no option "--chanel". Did you mean --channel?');
      expect(unknown.stderr).toContain('usage: npm run cli -- import DIR');
      const { SLACK_SIGNING_SECRET: _secret, SLACK_BOT_TOKEN: _token, ...noSlack } = env;
      const missing = await runCli(
        ['import', join(dir, 'no-such-folder'), '--channel', 'C0ARCH', '--workspace', 'T0001'],
        noSlack,
      );
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('No such file or folder');
      const exported = await runCli(
        ['export', '--out', join(dir, 'no-slack-export'), '--workspace', 'T0NOSLACK'],
        noSlack,
      );
      expect(exported.code).toBe(0);
      expect(lastJson(exported.stdout)).toEqual({ exported: 0 });
    },
    SLOW_TEST_MS,
  );

  it(
    'explains its usage when the folder or channel is missing',
    async () => {
      const run = await runCli(['import', GOVUK], env);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('import DIR --channel C123');
    },
    SLOW_TEST_MS,
  );
});
