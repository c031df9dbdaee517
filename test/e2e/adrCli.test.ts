import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJson, runCli } from '../support/cli.js';
import { createTestDatabaseUrl } from '../support/testDatabase.js';

/** `npm run cli -- import|export` as an operator runs them: their own process, the app's configuration. */

const GOVUK = new URL('../../../shared/adr-corpora/govuk-aws-nygard', import.meta.url).pathname;

describe('npm run cli -- import / export', () => {
  let dir: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'decision-ledger-adr-'));
    const server = await createTestDatabaseUrl();
    drop = server.drop;
    env = { SLACK_SIGNING_SECRET: 'cli-test', SLACK_BOT_TOKEN: 'xoxb-cli-test', ...(server.url ? { DATABASE_URL: server.url } : { DATA_DIR: join(dir, 'data') }) };
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a folder once, says so in a JSON line, and exports it as MADR files', async () => {
    const files = readdirSync(GOVUK).filter((f) => f.endsWith('.md')).length;
    const first = await runCli(['import', GOVUK, '--channel', 'C0ARCH', '--workspace', 'T0001'], env);
    expect(first.code).toBe(0);
    const summary = lastJson(first.stdout);
    expect(summary.imported + summary.skipped).toBe(files);
    expect(Array.isArray(summary.warnings)).toBe(true);
    expect(lastJson((await runCli(['import', GOVUK, '--channel', 'C0ARCH', '--workspace', 'T0001'], env)).stdout)).toMatchObject({ imported: 0, updated: 0 });

    const out = join(dir, 'decisions');
    const exported = await runCli(['export', '--out', out, '--workspace', 'T0001'], env);
    expect(exported.code).toBe(0);
    expect(lastJson(exported.stdout)).toEqual({ exported: summary.imported });
    const written = readdirSync(out).sort();
    expect(written[0]).toMatch(/^0001-[a-z0-9-]+\.md$/);
    expect(readFileSync(join(out, written[0]!), 'utf8')).toMatch(/^---\nstatus: /);
  }, 120_000);

  it('explains its usage when the folder or channel is missing', async () => {
    const run = await runCli(['import', GOVUK], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('import DIR --channel C123');
  }, 60_000);
});
