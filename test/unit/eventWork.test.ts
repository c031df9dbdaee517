import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics/metrics.js';
import { createEventWork } from '../../src/slack/listeners/eventWork.js';

describe('event work admission', () => {
  it('runs at most `concurrency` jobs at once, in arrival order, and drops what overflows the queue', async () => {
    const metrics = createMetrics();
    const work = createEventWork({ concurrency: 2, maxQueued: 3, metrics, logger: pino({ level: 'silent' }) });
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const gates: (() => void)[] = [];
    const job = (n: number) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      order.push(n);
      await new Promise<void>((resolve) => gates.push(resolve));
      running -= 1;
    };

    const runs = [1, 2, 3, 4, 5, 6, 7].map((n) => work.run(job(n)));
    // 2 running, 3 waiting: 6 and 7 are dropped at once.
    expect(await runs[5]).toBe(false);
    expect(await runs[6]).toBe(false);
    while (order.length < 5) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    while (gates.length > 0) gates.shift()!();
    expect(await Promise.all(runs.slice(0, 5))).toEqual([true, true, true, true, true]);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    const dropped = await metrics.slackEventsDropped.get();
    expect(dropped.values.find((v) => v.labels.reason === 'overloaded')?.value).toBe(2);
  });

  it('frees its slot when a job fails', async () => {
    const work = createEventWork({
      concurrency: 1,
      maxQueued: 0,
      metrics: createMetrics(),
      logger: pino({ level: 'silent' }),
    });
    await expect(work.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await work.run(async () => undefined)).toBe(true);
  });
});
