/** What bench/lib/serverProbe.mjs answers over IPC when asked to 'read'. */
export interface ProbeReading {
  probe: 'reading';
  wallMs: number;
  cpuMs: number;
  /** Share of wall time the event loop was busy, 0..1. */
  elu: number;
  /** Time the event loop was busy (the numerator of `elu`). */
  activeMs: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  rssMb: number;
}
