import { configDefaults, defineConfig } from 'vitest/config';
import { testFilesBlindToTheServer } from './test/support/serverPass.js';

// On .ci/run's PostgreSQL pass, only the files that use the server: the rest ran on the first pass.
const serverPass = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(serverPass ? testFilesBlindToTheServer(import.meta.dirname) : [])],
    globalSetup: ['test/support/buildOnce.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores: more workers only make PGlite start-ups fight each other.
    maxWorkers: 2,
  },
});
