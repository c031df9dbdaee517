import type { Detector } from '../../domain/relitigation/detector.js';
import { relatedWordsOf } from '../../domain/relitigation/relatedWords.js';
import type { MatchableDecision } from '../../domain/relitigation/types.js';
import type { RelitigationIndex } from './ports.js';
import type { Workspace } from '../../domain/workspace.js';

export interface IndexServices {
  relitigation: RelitigationIndex;
  detector: Detector;
}

/**
 * Stores what the detector's model derives from decisions just recorded or changed (their index
 * rows, stamped with its version), so messages in other words find them. Idempotent: a retry
 * writes the same rows.
 */
export async function indexDecisions(
  services: IndexServices,
  workspace: Workspace,
  decisions: Pick<MatchableDecision, 'id' | 'title' | 'alternatives' | 'tags' | 'rationale' | 'context'>[],
): Promise<void> {
  await services.relitigation.saveIndexRows(
    workspace,
    services.detector.model.version,
    decisions.map((d) => ({ decisionId: d.id, related: relatedWordsOf(d, services.detector.vectors) })),
  );
}

const REINDEX_BATCH = 200;

/**
 * Builds the current model's index rows for every decision without one (all of them after a new
 * model), a batch at a time, in every workspace. Returns how many decisions were indexed.
 */
export async function reindexDecisions(
  services: IndexServices,
  progress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const total = await services.relitigation.countUnindexed(services.detector.model.version);
  let done = 0;
  // Each batch starts after the last one's end: no pass reads again what it has indexed.
  let after: { workspaceId: string; ref: number } | undefined;
  for (;;) {
    const batch = await services.relitigation.unindexed(services.detector.model.version, REINDEX_BATCH, after);
    if (batch.length === 0) return done;
    const last = batch.at(-1)!;
    after = { workspaceId: last.workspace.workspaceId, ref: last.decision.ref };
    const byWorkspace = new Map<string, { workspace: Workspace; decisions: MatchableDecision[] }>();
    for (const { workspace, decision } of batch) {
      const group = byWorkspace.get(workspace.workspaceId) ?? { workspace, decisions: [] };
      group.decisions.push(decision);
      byWorkspace.set(workspace.workspaceId, group);
    }
    for (const { workspace, decisions } of byWorkspace.values()) await indexDecisions(services, workspace, decisions);
    done += batch.length;
    progress(done, total);
  }
}
