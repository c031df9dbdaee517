/**
 * What the relitigation detector's model and word vectors cost the app at start-up: time to load
 * models/ and the resident memory it adds, measured in a fresh process (median of five runs).
 * Targets (issue 17): at most 2 s of start-up and 80 MB of resident memory.
 *
 *   node --import tsx bench/detectorLoad.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TARGET_MS = 2_000;
const TARGET_MB = 80;
const RUNS = 5;

if (process.argv[2] === '--once') {
  const { performance } = await import('node:perf_hooks');
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const { loadDetector } = await import('../src/detector/loadDetector.js');
  loadDetector();
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, mb: (process.memoryUsage().rss - rssBefore) / 2 ** 20 }));
} else {
  const self = fileURLToPath(import.meta.url);
  const runs = Array.from({ length: RUNS }, () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--once'], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { ms: number; mb: number };
  });
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const ms = median(runs.map((r) => r.ms));
  const mb = median(runs.map((r) => r.mb));
  const met = ms <= TARGET_MS && mb <= TARGET_MB;
  console.log(
    `detector load: ${ms.toFixed(0)} ms, +${mb.toFixed(1)} MB resident (median of ${RUNS}) — targets ≤ ${TARGET_MS} ms, ≤ ${TARGET_MB} MB: ${met ? 'met' : 'NOT met'}`,
  );
}
