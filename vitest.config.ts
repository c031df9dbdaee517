import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/buildOnce.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores: more workers only make PGlite start-ups fight each other.
    maxWorkers: 2,
  },
});
