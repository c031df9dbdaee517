import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/**
 * Every command's --help and its bad arguments, as an operator meets them: its own process, with no
 * Slack configuration at all. Help goes to stdout (exit 0); a bad argument is named on stderr with
 * what to write instead, above the command's usage (exit 2); a missing or wrong path is said in
 * words (exit 1). Nothing here reaches the database or Slack.
 */

const dir = mkdtempSync(join(tmpdir(), 'decision-ledger-cli-args-'));
const file = join(dir, 'labelled.jsonl');
writeFileSync(file, '{"id":"a","decision":"We adopt Valkey","message":"why not Redis?","label":"relitigation"}\n');
const notJson = join(dir, 'not-json.jsonl');
writeFileSync(notJson, '{"id":"a","decision":"d","message":"m","label":"unrelated"}\n\nnot json\n');
const noLabel = join(dir, 'no-label.jsonl');
writeFileSync(noLabel, '{"id":"a","area":"code","decision":"d","message":"m"}\n');
const missing = join(dir, 'missing');
// Set, so that nothing that got this far by mistake would write a database into the repository.
const ENV = { DATA_DIR: join(dir, 'data') };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMMANDS = [
  'eval-relitigation',
  'train-detector',
  'reindex',
  'digest',
  'import',
  'export',
  'move-to-postgres',
  'backup',
  'restore',
];

// Each case is a process of its own, which can take long on a busy machine.
const RUN_MS = 120_000;

describe('npm run cli -- <command> --help', { timeout: RUN_MS }, () => {
  it.each(COMMANDS)('%s --help prints its usage on stdout and exits 0', async (command) => {
    const run = await runCli([command, '--help'], ENV);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^usage: npm run cli -- ${command}\\b`));
    expect(run.stderr).toBe('');
  });

  it('--help lists every command on stdout; no command at all gets the same on stderr, exit 2', async () => {
    const help = await runCli(['--help'], ENV);
    expect(help.code).toBe(0);
    for (const command of COMMANDS) expect(help.stdout).toMatch(new RegExp(`\n${command}\\b`));
    const none = await runCli([], ENV);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: npm run cli -- <command>');
  });
});

/**
 * [arguments, what stderr says first]: each exits 2 and prints the command's usage after. Every
 * command, and every kind of refusal; the wording of each kind is test/unit/cli/commandArgs.test.ts's.
 */
const BAD_ARGUMENTS: [string[], string][] = [
  [['exprot'], 'There is no command "exprot". Did you mean export? The commands are eval-relitigation,'],
  [['import'], 'Give the folder of ADRs to import (DIR).'],
  [['import', dir], 'Give the channel the decisions belong to, as --channel C0123ABCD.'],
  [['import', dir, '--channel', 'general'], '--channel takes a channel id such as C0123ABCD'],
  [['import', dir, '--chanel', 'C0ARCH'], 'There is no option "--chanel". Did you mean --channel?'],
  [['import', dir, dir, '--channel', 'C0ARCH'], `"${dir}" is one argument too many: give DIR once`],
  [['import', dir, '--channel', 'C0ARCH', '--private=yes'], '--private takes no value; write --private alone.'],
  [['export'], 'Give the folder to write the ADRs into, as --out DIR.'],
  [['export', '--out', dir, '--format', 'xml'], '--format is madr or nygard, not "xml".'],
  [['digest'], 'Give the channel whose digest to build, as --channel C0123ABCD.'],
  [
    ['digest', '--channel', 'C0TEAM', '--workspace', 't0001'],
    '--workspace takes the id in capitals: --workspace T0001',
  ],
  [['reindex', 'now'], '"now" is not an option; this command takes only the options below.'],
  [['eval-relitigation'], 'Give the labelled file (FILE.jsonl).'],
  [['eval-relitigation', file, '--sensitivity', 'max'], '--sensitivity is low, normal or high, not "max".'],
  [['eval-relitigation', file, '--postgres-server', 'mysql://db'], "--postgres-server takes a server's URL"],
  [['train-detector', '--out'], '--out needs a value after it.'],
  [['move-to-postgres'], 'Give the PostgreSQL database to move to, as postgres://user:password@host:5432/name.'],
  [['move-to-postgres', 'db:5432'], '"db:5432" is not a PostgreSQL URL; write it as postgres://'],
  [['backup'], 'Give the file to write the backup to, as FILE.'],
  [['backup', join(dir, 'b.tar.gz'), '--from', 'app:3000'], `--from "app:3000" is not the app's URL`],
  [['restore'], 'Give the backup file to restore, as FILE.'],
  [['restore', file, '--replace=yes'], '--replace takes no value; write --replace alone.'],
];

describe('npm run cli -- <command> with a bad argument', { timeout: RUN_MS }, () => {
  it.each(BAD_ARGUMENTS)('%j names it and what to write instead, exit 2', async (args, said) => {
    const run = await runCli(args, ENV);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(said)).toBe(true);
    expect(run.stderr).toContain(`\n\nusage: npm run cli -- ${args[0] === 'exprot' ? '<command>' : args[0]}`);
  });
});

/** [arguments, what stderr says]: each exits 1 before any long work. */
const BAD_PATHS: [string[], string][] = [
  [
    ['import', missing, '--channel', 'C0ARCH', '--workspace', 'T0001'],
    `No such file or folder: ${missing} (the folder of ADRs to import).`,
  ],
  [
    ['import', file, '--channel', 'C0ARCH', '--workspace', 'T0001'],
    `${file} is a file, not a folder (the folder of ADRs to import).`,
  ],
  [
    ['export', '--out', join(file, 'adrs'), '--workspace', 'T0001'],
    `Not a folder (a file is in the way): ${join(file, 'adrs')}.`,
  ],
  [['eval-relitigation', dir], `${dir} is a folder, not a file (the labelled file).`],
  [['eval-relitigation', notJson], `${notJson}, line 3: not JSON (`],
  [['train-detector', '--out', missing], `No such file or folder: ${missing} (where to write the model, --out).`],
  [['train-detector', '--data', noLabel], `${noLabel}, line 1: label is missing.`],
  [['restore', missing], `No such file or folder: ${missing} (the backup to restore).`],
  [['restore', dir], `${dir} is a folder, not a file (the backup to restore).`],
];

describe('npm run cli -- <command> with a path that is not there', { timeout: RUN_MS }, () => {
  it.each(BAD_PATHS)('%j says so in words, exit 1', async (args, said) => {
    const run = await runCli(args, ENV);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(said);
  });
});
