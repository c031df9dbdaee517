/**
 * `npm run bench`: every bench, one after the other, each in a process of its own so none inherits
 * another's warm JIT, heap or database: decide.bench.ts, detectorLoad.bench.ts, judge.bench.ts,
 * messages.bench.ts, costs.bench.ts, digests.bench.ts, digestTick.bench.ts, then
 * moveToPostgres.bench.ts. Exits non-zero only if a bench errored (a missed target is reported,
 * not an error); the benches' own environment variables pass through.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const BENCHES = [
  'bench/footprint.bench.ts',
  'bench/decide.bench.ts',
  'bench/detectorLoad.bench.ts',
  'bench/judge.bench.ts',
  'bench/messages.bench.ts',
  'bench/costs.bench.ts',
  'bench/digests.bench.ts',
  'bench/digestTick.bench.ts',
  'bench/moveToPostgres.bench.ts',
];

let current: ChildProcess | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // The running bench stops its own servers; then this runner stops too.
  process.on(signal, () => {
    if (current) current.kill(signal);
    else process.exit(130);
  });
}

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, stdio: 'inherit' });
    current = child;
    child.once('error', (error) => {
      console.error(`${script}: ${String(error)}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const results: { script: string; status: number | 'absent' }[] = [];
for (const script of BENCHES) {
  if (!existsSync(join(ROOT, script))) {
    results.push({ script, status: 'absent' });
    continue;
  }
  console.log(`\n━━━ ${script} ━━━\n`);
  const status = await run(script);
  results.push({ script, status });
  if (status === 130) break;
}

console.log('\n━━━ summary ━━━');
for (const { script, status } of results) {
  console.log(
    `  ${script}: ${status === 'absent' ? 'not present, skipped' : status === 0 ? 'ran (exit 0)' : `errored (exit ${status})`}`,
  );
}
process.exit(results.some((r) => typeof r.status === 'number' && r.status !== 0) ? 1 : 0);
