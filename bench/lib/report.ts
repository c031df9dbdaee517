import { cpus } from 'node:os';
import type { PhaseResult, TargetRun } from './phase.js';

/** The nearest-rank percentile of an ascending array; NaN when empty. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Answered requests per second of the phase. */
export const rps = (phase: PhaseResult) => phase.completed / (phase.elapsedMs / 1000);
export const errorsOf = (phase: PhaseResult) =>
  phase.failures + [...phase.badStatus.values()].reduce((a, b) => a + b, 0);

/** A fixed-decimals number, or "—" for NaN and infinities. */
export const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** Rows of cells as aligned columns, the first row as a header: first column left, others right. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row, r) => {
      const line = row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  ');
      return r === 0 ? `${line}\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

export interface ReportOptions {
  /** Header of the throughput column (default "req/s"). */
  rateHeader?: string;
  /** Columns inserted right after the throughput column. */
  extraColumns?: { header: string; cell: (run: TargetRun) => string }[];
  /** What one request is, in "CPU ms/<unit>" (default "req"). */
  unit?: string;
}

/** The measured phase of every target as one table, with what its columns mean and per-second rates. */
export function report(runs: TargetRun[], options: ReportOptions = {}): void {
  const rateHeader = options.rateHeader ?? 'req/s';
  const extra = options.extraColumns ?? [];
  const f = fixed;
  const rows = [
    [
      'target',
      'requests',
      'errors',
      rateHeader,
      ...extra.map((c) => c.header),
      'p50 ms',
      'p99 ms',
      'max ms',
      'server CPU',
      `CPU ms/${options.unit ?? 'req'}`,
      'loop busy',
      'loop lag p99',
      'bench CPU',
      'other load',
    ],
  ];
  for (const run of runs) {
    const m = run.measured;
    const p = run.probe;
    rows.push([
      run.name,
      String(m.completed),
      String(errorsOf(m)),
      f(rps(m), 0),
      ...extra.map((c) => c.cell(run)),
      f(percentile(m.latencies, 50), 2),
      f(percentile(m.latencies, 99), 2),
      f(m.latencies[m.latencies.length - 1] ?? Number.NaN, 2),
      p ? `${f((p.cpuMs / p.wallMs) * 100, 0)}%` : '—',
      p ? f(p.cpuMs / Math.max(1, m.completed), 3) : '—',
      p ? `${f(p.elu * 100, 0)}%` : '—',
      p ? `${f(p.lagP99Ms, 1)} ms` : '—',
      `${f((m.benchCpuMs / m.elapsedMs) * 100, 0)}%`,
      m.machineBusyCores !== null && p
        ? `${f(Math.max(0, m.machineBusyCores * 100 - (p.cpuMs / p.wallMs) * 100 - (m.benchCpuMs / m.elapsedMs) * 100), 0)}%`
        : '—',
    ]);
  }
  console.log(`\n${table(rows)}`);
  console.log(
    '\n  server CPU / loop busy / loop lag: the server process during the measured phase (100% = one core);' +
      '\n  bench CPU: this process (load generator + fake Slack Web API), which shares the machine;' +
      `\n  other load: CPU used on this ${cpus().length}-CPU machine by anything else (e.g. a test run) — high values make the numbers noisy.`,
  );
  for (const run of runs) {
    console.log(`  ${run.name} ${rateHeader} per second: ${run.measured.perSecond.join(' ')}`);
  }
}
