/**
 * Preloaded (`node --import ./bench/lib/serverProbe.mjs …`, see startServer in servers.ts) into each server under test. It adds no work to request handling; over the IPC
 * channel it answers how busy the process was since the last reset: CPU time (all threads,
 * PGlite's WASM included), event-loop utilisation and event-loop delay. Readings do not reset, so
 * the difference of two readings describes the time between them (how the benches watch a drain).
 * Plain JavaScript: it needs no loader, so the servers under test run without one. Its answer's
 * shape is ProbeReading (probeReading.ts).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

if (process.send) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let elu0 = performance.eventLoopUtilization();
  let cpu0 = process.cpuUsage();
  let t0 = performance.now();

  process.on('message', (/** @type {{ probe?: string }} */ message) => {
    if (message?.probe === 'reset') {
      delay.reset();
      elu0 = performance.eventLoopUtilization();
      cpu0 = process.cpuUsage();
      t0 = performance.now();
      process.send({ probe: 'reset' });
    } else if (message?.probe === 'read') {
      const cpu = process.cpuUsage(cpu0);
      const elu = performance.eventLoopUtilization(elu0);
      const reading = {
        probe: 'reading',
        wallMs: performance.now() - t0,
        cpuMs: (cpu.user + cpu.system) / 1000,
        elu: elu.utilization,
        activeMs: elu.active,
        lagP50Ms: delay.percentile(50) / 1e6,
        lagP99Ms: delay.percentile(99) / 1e6,
        lagMaxMs: delay.max / 1e6,
        rssMb: process.memoryUsage.rss() / 1048576,
      };
      process.send(reading);
    }
  });
  // The IPC channel must not keep a server alive once it decides to exit.
  process.channel?.unref();
}
