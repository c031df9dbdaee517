import type { TestProject } from 'vitest/node';
import { build, isStale } from '../../scripts/build.mjs';
import { migratedTemplate } from './migratedTemplate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated empty database the in-memory test databases start from (migratedTemplate.ts). */
    pgliteTemplate: string;
  }
}

/**
 * vitest's global set-up: tests that start the app or the CLI as processes run them as users do
 * (scripts/run.mjs, from dist/), so dist/ is brought up to date once here, before any worker
 * starts one, rather than by several processes at once. Then the migrated template the in-memory
 * test databases start from.
 */
export default async function buildOnce(project: TestProject): Promise<void> {
  if (isStale()) await build();
  project.provide('pgliteTemplate', await migratedTemplate());
}
