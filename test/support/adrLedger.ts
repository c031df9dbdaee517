import { importAdrs } from '../../src/app/adr/importAdrs.js';
import type { Workspace } from '../../src/domain/workspace.js';
import { createAdrRepository } from '../../src/storage/adrRepository.js';
import type { Database } from '../../src/storage/database.js';
import { createRelitigationIndex } from '../../src/storage/relitigationIndex.js';
import { detector } from './detector.js';

/**
 * The ADR use cases' ports over a test file's database (given late: it is opened in beforeAll),
 * and an import of files into channel C0ARCH as the CLI makes one.
 */
export function adrLedger(database: () => Database) {
  const services = () => ({
    adrs: createAdrRepository(database().db),
    relitigation: createRelitigationIndex(database().db),
    detector,
  });
  const run = (workspace: Workspace, files: { path: string; text: string }[]) =>
    importAdrs({
      services: services(),
      workspace,
      channelId: 'C0ARCH',
      channelPrivate: false,
      files,
      actor: 'ADR import',
    });
  return { services, run };
}
