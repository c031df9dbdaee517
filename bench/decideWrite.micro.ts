/**
 * Diagnostic companion to `npm run bench` (run: `node --import tsx bench/decideWrite.micro.ts`):
 * the database work of one `/decide <text>` in isolation — the repository calls the app makes per
 * command (record = lookup by idempotency key + insert transaction, before the ack; attachCard =
 * update + event transaction, after the card is posted) — on the embedded PGlite the app uses,
 * file-backed (as with DATA_DIR) and in memory, sequentially and with 16 callers in flight.
 * No HTTP, no Bolt: what is left is the database's cost per decision.
 *
 * Environment: MICRO_OPS (decisions per scenario, default 500).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Workspace } from '../src/domain/workspace.js';
import { createDecisionRepository } from '../src/storage/decisionRepository.js';
import { openDatabase } from '../src/storage/database.js';
import { positiveFromEnv } from './lib/servers.js';

const OPS = positiveFromEnv('MICRO_OPS', 500, true);
const workspace: Workspace = { workspaceId: 'T0001', enterpriseId: null };

async function scenario(label: string, dataDir: string, concurrency: number): Promise<void> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await database.migrate();
  const repo = createDecisionRepository(database.db);
  let next = 0;
  const recordMs: number[] = [];
  const cardMs: number[] = [];
  const one = async (i: number) => {
    const t0 = performance.now();
    const { decision } = await repo.record({
      workspace,
      content: {
        title: `We adopt option ${i}`,
        context: '',
        rationale: `Reason ${i}`,
        consequences: '',
        alternatives: [],
        aliases: [],
        deciders: ['U0BENCH'],
        tags: ['bench'],
        status: 'accepted',
        decidedOn: '2026-01-01',
        revisitOn: null,
      },
      source: {
        channelId: 'C0BENCH',
        channelPrivate: false,
        messageTs: null,
        threadTs: null,
        permalink: null,
        participants: [],
      },
      createdBy: 'U0BENCH',
      origin: 'command',
      idempotencyKey: `command:micro-${label}-${i}`,
    });
    const t1 = performance.now();
    await repo.attachCard(workspace, decision.id, {
      ts: `1700000000.${String(i).padStart(6, '0')}`,
      permalink: 'https://acme.slack.com/x',
    });
    const t2 = performance.now();
    recordMs.push(t1 - t0);
    cardMs.push(t2 - t1);
  };
  // warm-up
  for (let i = 0; i < 20; i++) await one(next++);
  recordMs.length = 0;
  cardMs.length = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < OPS + 20) await one(next++);
    }),
  );
  const elapsed = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const sorted = (xs: number[]) => Float64Array.from(xs).sort();
  const pct = (xs: Float64Array, p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
  const r = sorted(recordMs);
  const c = sorted(cardMs);
  console.log(
    `${label.padEnd(8)} ×${String(concurrency).padStart(2)}  ${(OPS / (elapsed / 1000)).toFixed(0).padStart(5)} decisions/s  ` +
      `CPU ${((cpu.user + cpu.system) / 1000 / OPS).toFixed(2)} ms/decision  ` +
      `record p50 ${pct(r, 50).toFixed(2)} p99 ${pct(r, 99).toFixed(2)} ms  attachCard p50 ${pct(c, 50).toFixed(2)} p99 ${pct(c, 99).toFixed(2)} ms`,
  );
  await database.close();
}

const dir = mkdtempSync(join(tmpdir(), 'decision-ledger-micro-'));
try {
  console.log(`PGlite, ${OPS} decisions per scenario (record + attachCard, as one /decide does)`);
  await scenario('file', join(dir, 'a'), 1);
  await scenario('file', join(dir, 'b'), 16);
  await scenario('memory', 'memory://', 1);
  await scenario('memory', 'memory://', 16);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
