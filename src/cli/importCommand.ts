import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { importAdrs } from '../app/adr/importAdrs.js';
import { pickAdrFiles } from '../domain/adr/adrFiles.js';
import { loadDetector } from '../detector/loadDetector.js';
import { createAdrRepository } from '../storage/adrRepository.js';
import { createRelitigationIndex } from '../storage/relitigationIndex.js';
import { botTokenWorkspace } from './cliSlackClient.js';
import { channelIdOf, workspaceIdOf } from './optionValues.js';
import { openCommandDatabase } from './openCommandDatabase.js';
import { parseCommandArgs } from './parseCommandArgs.js';
import { checkFolder } from './pathArgs.js';
import { progressCounter } from './progressCounter.js';
import { UsageError } from './usageError.js';

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      channel: { type: 'string' },
      workspace: { type: 'string' },
      recursive: { type: 'boolean', default: false },
      private: { type: 'boolean', default: false },
    },
    ['DIR'],
  );
  const dir = positionals[0];
  if (dir === undefined) throw new UsageError('Give the folder of ADRs to import (DIR).');
  if (values.channel === undefined)
    throw new UsageError('Give the channel the decisions belong to, as --channel C0123ABCD.');
  const channelId = channelIdOf(values.channel);
  const given = values.workspace === undefined ? undefined : workspaceIdOf(values.workspace);
  await checkFolder(dir, 'the folder of ADRs to import');
  const workspace = { workspaceId: given ?? (await botTokenWorkspace()), enterpriseId: null };
  const pick = pickAdrFiles(await filesUnder(dir), values.recursive);
  const files: { path: string; text: string }[] = [];
  // One at a time: a folder of thousands must not open thousands of files at once.
  for (const path of pick.adrs) files.push({ path, text: await readFile(join(dir, path), 'utf8') });
  const database = await openCommandDatabase();
  const counter = progressCounter({ doing: 'importing', total: files.length, unit: 'files' });
  try {
    const summary = await importAdrs({
      services: {
        adrs: createAdrRepository(database.db),
        relitigation: createRelitigationIndex(database.db),
        detector: loadDetector(),
      },
      workspace,
      channelId,
      channelPrivate: values.private,
      files,
      actor: 'ADR import',
      progress: (done) => counter.update(done),
    });
    counter.end();
    summary.skipped += pick.skipped.length;
    summary.warnings.push(...pick.skipped.map((s) => `${s.path}: skipped, ${s.reason}`));
    console.log(JSON.stringify(summary));
    return 0;
  } finally {
    counter.end();
    await database.close();
  }
}

/** Every file under `dir`, as paths relative to it with '/' separators, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}
