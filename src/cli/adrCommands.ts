import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { WebClient } from '@slack/web-api';
import { exportAdrs } from '../app/adr/exportAdrs.js';
import { importAdrs } from '../app/adr/importAdrs.js';
import { loadConfig, loadDatabaseConfig } from '../config.js';
import type { AdrFormat } from '../domain/adr/writeAdr.js';
import { createAdrRepository } from '../storage/adrRepository.js';
import { loadDetector } from '../detector/loadDetector.js';
import { openDatabase } from '../storage/database.js';
import { createRelitigationIndex } from '../storage/relitigationIndex.js';

export const IMPORT_USAGE = `import DIR --channel C123 [--workspace T123] [--recursive] [--private]

  Imports a folder of Markdown ADRs (MADR 2/3/4, log4brains, Nygard / adr-tools) into the log, in
  the channel given (public unless --private): titles, statuses, dates, deciders, supersession. A
  re-import updates changed files in place and adds nothing twice (the key is the file's path).
  README, index and template files are skipped. Uses the app's database (DATABASE_URL or DATA_DIR;
  with the embedded one, stop the app first). Without --workspace the bot token's is asked of Slack
  (SLACK_BOT_TOKEN needed then). The last line is a JSON summary.`;

export const EXPORT_USAGE = `export --out DIR [--format madr|nygard] [--channel C123] [--workspace T123] [--include-private]

  Writes every decision (or one channel's) as an ADR file, NNNN-slug.md by ref: MADR 4 with the
  Slack fields under x- keys in the front matter (default), or Nygard. Decisions of private
  channels, DMs and group DMs are left out unless --include-private, which marks them
  (x-private: true) so that importing the folder keeps them private. The last line is JSON.`;

const SLACK_LOOKUP_TIMEOUT_MS = 8_000;

const NOT_ADRS = /^(readme|index|template|adr-template|_template)\b.*\.md$/i;

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      channel: { type: 'string' },
      workspace: { type: 'string' },
      recursive: { type: 'boolean', default: false },
      private: { type: 'boolean', default: false },
    },
  });
  const dir = positionals[0];
  if (!dir || !values.channel || !/^[CG][A-Z0-9]{2,}$/.test(values.channel)) {
    console.error(`usage: ${IMPORT_USAGE}`);
    return 2;
  }
  const workspace = { workspaceId: await workspaceIdOf(values.workspace), enterpriseId: null };
  const paths = await markdownFiles(dir, values.recursive);
  const notAdrs = paths.filter((p) => NOT_ADRS.test(p.split('/').at(-1)!));
  const files = await Promise.all(
    paths
      .filter((p) => !notAdrs.includes(p))
      .map(async (path) => ({ path, text: await readFile(join(dir, path), 'utf8') })),
  );
  const database = await openDatabase(loadDatabaseConfig());
  try {
    await database.migrate();
    const summary = await importAdrs({
      services: {
        adrs: createAdrRepository(database.db),
        relitigation: createRelitigationIndex(database.db),
        detector: loadDetector(),
      },
      workspace,
      channelId: values.channel,
      channelPrivate: values.private,
      files,
      actor: 'ADR import',
    });
    summary.skipped += notAdrs.length;
    summary.warnings.push(...notAdrs.map((p) => `${p}: skipped, not an ADR (README, index or template)`));
    console.log(JSON.stringify(summary));
    return 0;
  } finally {
    await database.close();
  }
}

export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      format: { type: 'string', default: 'madr' },
      channel: { type: 'string' },
      workspace: { type: 'string' },
      'include-private': { type: 'boolean', default: false },
    },
  });
  if (!values.out || !['madr', 'nygard'].includes(values.format)) {
    console.error(`usage: ${EXPORT_USAGE}`);
    return 2;
  }
  const workspace = { workspaceId: await workspaceIdOf(values.workspace), enterpriseId: null };
  const database = await openDatabase(loadDatabaseConfig());
  try {
    await database.migrate();
    const files = await exportAdrs({
      services: { adrs: createAdrRepository(database.db) },
      workspace,
      channelId: values.channel ?? null,
      format: values.format as AdrFormat,
      includePrivate: values['include-private'],
    });
    await mkdir(values.out, { recursive: true });
    for (const file of files) await writeFile(join(values.out, file.name), file.text, 'utf8');
    console.log(JSON.stringify({ exported: files.length }));
    return 0;
  } finally {
    await database.close();
  }
}

/** The workspace given, or the bot token's (which needs the app's Slack configuration). */
async function workspaceIdOf(given: string | undefined): Promise<string> {
  if (given) return given;
  const config = loadConfig();
  if (config.slack.auth.kind === 'oauth')
    throw new Error('The app is installed through OAuth into any number of workspaces; give --workspace T…');
  // Asked once, briefly: an operator without Slack in reach is told what to pass instead of waiting.
  const client = new WebClient(config.slack.auth.botToken, {
    slackApiUrl: config.slack.apiUrl,
    timeout: SLACK_LOOKUP_TIMEOUT_MS,
    retryConfig: { retries: 0 },
  });
  let teamId: string | undefined;
  try {
    teamId = (await client.auth.test()).team_id;
  } catch {
    throw new Error(
      'Slack could not be reached to find the workspace of the bot token; give it with --workspace T… (the workspace id, from the URL of any Slack page).',
    );
  }
  if (!teamId) throw new Error('The bot token names no workspace; give --workspace T…');
  return teamId;
}

/** Markdown files under `dir`, as paths relative to it with '/' separators, sorted. */
async function markdownFiles(dir: string, recursive: boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.md'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}
