/**
 * Resident memory and CPU time of another process, read from /proc (Linux) without asking the
 * process anything: a server under load answers its probe late, and asking adds work to its loop.
 */
import { readFileSync } from 'node:fs';

export interface ProcessStats {
  rssMb: number;
  /** The most it was ever resident (the kernel's high-water mark, VmHWM): a peak no sampling misses. */
  peakRssMb: number;
  /** User + system CPU time of all its threads (PGlite's WebAssembly and libuv's pool included). */
  cpuMs: number;
}

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks, 100 per second on every mainstream architecture. */
const TICKS_PER_SECOND = 100;

/** The stats of process `pid`, or null where /proc is missing or the process is gone. */
export function processStats(pid: number): ProcessStats | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    const peakKb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (!Number.isFinite(rssKb) || !Number.isFinite(peakKb) || !Number.isFinite(ticks)) return null;
    return { rssMb: rssKb / 1024, peakRssMb: peakKb / 1024, cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}
