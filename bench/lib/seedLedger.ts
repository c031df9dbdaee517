/**
 * A workspace's ledger recorded before a server starts: bench/lib/workload.ts's decisions 0…count-1,
 * written through the app's own recordDecision use case and decision repository, many at once so
 * the repository's group commit batches them (what messages.bench.ts does in its own `seed`).
 */
import { EVERY_CHANNEL_PUBLIC } from '../../src/app/decisions/everyChannelPublic.js';
import { performance } from 'node:perf_hooks';
import type { Workspace } from '../../src/domain/workspace.js';
import { recordDecision } from '../../src/app/decisions/recordDecision.js';
import type { Database } from '../../src/storage/database.js';
import { loadDetector } from '../../src/detector/loadDetector.js';
import { createDecisionRepository } from '../../src/storage/decisionRepository.js';
import { createRelitigationIndex } from '../../src/storage/relitigationIndex.js';
import { CHATTER_CHANNEL, decisionContent } from './workload.js';

/** Decisions recorded at once; the repository's group commit writes up to 64 per batch. */
const SEED_CONCURRENCY = 256;

export interface SeededLedger {
  ms: number;
  created: number;
  /** The ref (D-n) of decision i. */
  refs: number[];
}

/** Records decisions 0…count-1 of the workload in CHATTER_CHANNEL; throws if one is refused. */
export async function seedLedger(database: Database, workspace: Workspace, count: number): Promise<SeededLedger> {
  const services = {
    decisions: createDecisionRepository(database.db),
    conversations: EVERY_CHANNEL_PUBLIC,
    relitigation: createRelitigationIndex(database.db),
    detector: loadDetector(),
  };
  let next = 0;
  let created = 0;
  const refs: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SEED_CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const content = decisionContent(i);
        const result = await recordDecision({
          services,
          workspace,
          content,
          channelId: CHATTER_CHANNEL,
          createdBy: content.deciders[0]!,
          origin: 'command',
          idempotencyKey: `bench-seed:${i}`,
        });
        if (!result.ok) throw new Error(`seed decision ${i} was refused: ${JSON.stringify(result.problems)}`);
        if (result.created) created += 1;
        refs[i] = result.decision.ref;
      }
    }),
  );
  return { ms: performance.now() - started, created, refs };
}
