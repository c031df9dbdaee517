import { build, isStale } from '../../scripts/build.mjs';

/**
 * vitest's global set-up: tests that start the app or the CLI as processes run them as users do
 * (scripts/run.mjs, from dist/), so dist/ is brought up to date once here, before any worker
 * starts one, rather than by several processes at once. dist/ also holds the migrated template
 * every new embedded database starts from, in-memory test databases included.
 */
export default async function buildOnce(): Promise<void> {
  if (isStale()) await build();
}
