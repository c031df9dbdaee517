import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { exportAdrs } from '../app/adr/exportAdrs.js';
import { createAdrRepository } from '../storage/adrRepository.js';
import { botTokenWorkspace } from './cliSlackClient.js';
import { channelIdOf, oneOf, workspaceIdOf } from './optionValues.js';
import { openCommandDatabase } from './openCommandDatabase.js';
import { parseCommandArgs } from './parseCommandArgs.js';
import { progressCounter } from './progressCounter.js';
import { UsageError } from './usageError.js';

export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    out: { type: 'string' },
    format: { type: 'string', default: 'madr' },
    channel: { type: 'string' },
    workspace: { type: 'string' },
    'include-private': { type: 'boolean', default: false },
  });
  if (values.out === undefined) throw new UsageError('Give the folder to write the ADRs into, as --out DIR.');
  const format = oneOf('--format', values.format, ['madr', 'nygard']);
  const channelId = values.channel === undefined ? null : channelIdOf(values.channel);
  const given = values.workspace === undefined ? undefined : workspaceIdOf(values.workspace);
  // Made first: a path a file stands in is reported before Slack or the database is asked anything.
  await mkdir(values.out, { recursive: true });
  const workspace = { workspaceId: given ?? (await botTokenWorkspace()), enterpriseId: null };
  const database = await openCommandDatabase();
  try {
    const files = await exportAdrs({
      services: { adrs: createAdrRepository(database.db) },
      workspace,
      channelId,
      format,
      includePrivate: values['include-private'],
    });
    const counter = progressCounter({ doing: 'writing', total: files.length, unit: 'files' });
    try {
      for (const [i, file] of files.entries()) {
        // Records imported from a folder-per-ADR layout go back to their own folders.
        await mkdir(dirname(join(values.out, file.name)), { recursive: true });
        await writeFile(join(values.out, file.name), file.text, 'utf8');
        counter.update(i + 1);
      }
    } finally {
      counter.end();
    }
    console.log(JSON.stringify({ exported: files.length }));
    return 0;
  } finally {
    await database.close();
  }
}
