import { describe, expect, it } from 'vitest';
import { testFilesBlindToTheServer } from '../support/serverPass.js';

const ROOT = new URL('../..', import.meta.url).pathname;

describe("the PostgreSQL pass's choice of files", () => {
  const blind = testFilesBlindToTheServer(ROOT);

  it('keeps every file that opens a test database, directly or through a helper', () => {
    expect(blind).not.toContain('test/integration/decisionRepository.test.ts'); // createTestDatabase
    expect(blind).not.toContain('test/e2e/decideCommand.test.ts'); // testApp → testDatabase
    expect(blind).not.toContain('test/e2e/postgresRestart.test.ts'); // reads TEST_DATABASE_URL itself
    expect(blind).not.toContain('test/e2e/adrCli.test.ts'); // createTestDatabaseUrl for the CLI's DATABASE_URL
  });

  it('leaves out the files that never see the server', () => {
    expect(blind).toContain('test/e2e/cliArguments.test.ts');
    expect(blind).toContain('test/unit/markup.test.ts');
    expect(blind.every((file) => file.endsWith('.test.ts'))).toBe(true);
  });
});
