/**
 * The closed-loop load: `concurrency` workers over one keep-alive agent, each sending its next
 * freshly signed request as soon as the previous one is answered, for a fixed time. A target is
 * driven through a warm-up phase (not measured), then a measured phase with the server's probe reset
 * at its start and read at its end.
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { SignedRequest } from '../../test/support/slackRequests.js';
import { httpRequest, RequestTimeout } from './http.js';
import { isInterrupted, probe, type Server, sleep } from './servers.js';
import type { ProbeReading } from './probeReading.js';

export interface PhaseResult {
  completed: number;
  elapsedMs: number;
  /** performance.now() when the last worker finished. */
  endedAt: number;
  latencies: Float64Array;
  /** Non-200 responses, by status. */
  badStatus: Map<number, number>;
  /** Requests that failed without an HTTP answer (network errors and time-outs). */
  failures: number;
  /** Of those, requests not answered within REQUEST_TIMEOUT_MS. */
  timeouts: number;
  firstFailure: string | null;
  /** 200 responses with an empty body: the plain ack (for /decide: decision saved before the ack). */
  emptyAcks: number;
  /** 200 responses whose body carried a message (holding message, error text…), by message. */
  messageAcks: Map<string, number>;
  perSecond: number[];
  benchCpuMs: number;
  /** Whole machine, from /proc/stat: cores busy on average during the phase (null where unavailable). */
  machineBusyCores: number | null;
}

export interface TargetRun {
  name: string;
  warmup: PhaseResult | null;
  measured: PhaseResult;
  probe: ProbeReading | null;
  /** performance.now() when the probe's reading arrived: a busy server answers late. */
  probedAt: number;
}

export interface LoadOptions {
  concurrency: number;
  warmupSeconds: number;
  measuredSeconds: number;
  /** How long to wait for the server's probe (default 2 s). */
  probeTimeoutMs?: number;
}

/** Busy and total jiffies of all CPUs together (Linux); null elsewhere. */
export function machineTicks(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return null;
  }
}

/** Drives POST /slack/events with `next()`'s requests from `concurrency` workers for `seconds`. */
export async function runPhase(
  server: Server,
  agent: Agent,
  seconds: number,
  concurrency: number,
  next: () => SignedRequest,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  const badStatus = new Map<number, number>();
  const messageAcks = new Map<string, number>();
  const perSecond: number[] = [];
  let failures = 0;
  let timeouts = 0;
  let firstFailure: string | null = null;
  let emptyAcks = 0;
  const url = `${server.url}/slack/events`;
  const cpu0 = process.cpuUsage();
  const ticks0 = machineTicks();
  const start = performance.now();
  const deadline = start + seconds * 1000;

  const worker = async () => {
    while (performance.now() < deadline && !isInterrupted()) {
      const { body, headers } = next();
      const t0 = performance.now();
      try {
        const res = await httpRequest(agent, url, 'POST', body, headers);
        const t1 = performance.now();
        latencies.push(t1 - t0);
        const second = Math.floor((t1 - start) / 1000);
        perSecond[second] = (perSecond[second] ?? 0) + 1;
        if (res.status !== 200) {
          badStatus.set(res.status, (badStatus.get(res.status) ?? 0) + 1);
          firstFailure ??= `HTTP ${res.status}: ${res.body.slice(0, 200)}`;
        } else if (res.body === '') {
          emptyAcks += 1;
        } else {
          const key = ackText(res.body);
          messageAcks.set(key, (messageAcks.get(key) ?? 0) + 1);
        }
      } catch (error) {
        failures += 1;
        if (error instanceof RequestTimeout) timeouts += 1;
        firstFailure ??= String(error);
        await sleep(10);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const endedAt = performance.now();
  const elapsedMs = endedAt - start;
  const cpu = process.cpuUsage(cpu0);
  const ticks1 = machineTicks();
  const cores = cpus().length;
  const machineBusyCores =
    ticks0 && ticks1 && ticks1.total > ticks0.total
      ? ((ticks1.busy - ticks0.busy) / (ticks1.total - ticks0.total)) * cores
      : null;
  return {
    completed: latencies.length,
    elapsedMs,
    endedAt,
    latencies: Float64Array.from(latencies).sort(),
    badStatus,
    failures,
    timeouts,
    firstFailure,
    emptyAcks,
    messageAcks,
    perSecond: perSecond.map((n) => n ?? 0).slice(0, Math.ceil(seconds)),
    benchCpuMs: (cpu.user + cpu.system) / 1000,
    machineBusyCores,
  };
}

function ackText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { text?: string };
    return (parsed.text ?? body).slice(0, 120);
  } catch {
    return body.slice(0, 120);
  }
}

/**
 * Warm-up, then the measured phase between a probe reset and a probe reading; `beforeMeasuring`
 * runs between the two phases (to read the server's own counters, say).
 */
export async function benchTarget(
  server: Server,
  options: LoadOptions,
  next: () => SignedRequest,
  beforeMeasuring?: () => Promise<void>,
): Promise<TargetRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  try {
    process.stdout.write(`  ${server.name}: warm-up ${options.warmupSeconds} s… `);
    const warmup =
      options.warmupSeconds > 0
        ? await runPhase(server, agent, options.warmupSeconds, options.concurrency, next)
        : null;
    await beforeMeasuring?.();
    await probe(server, 'reset', options.probeTimeoutMs);
    process.stdout.write(`measuring ${options.measuredSeconds} s… `);
    const measured = await runPhase(server, agent, options.measuredSeconds, options.concurrency, next);
    const reading = await probe(server, 'read', options.probeTimeoutMs);
    const probedAt = performance.now();
    process.stdout.write(`${measured.completed} requests\n`);
    return { name: server.name, warmup, measured, probe: reading, probedAt };
  } finally {
    agent.destroy();
  }
}
