import { describe, expect, it } from 'vitest';
import { progressCounter } from '../../../src/cli/progressCounter.js';

/** A stand-in for stderr and a clock the test moves: what the operator would see, item by item. */
function harness(isTTY: boolean, total: number) {
  let written = '';
  let clock = 0;
  const counter = progressCounter({
    doing: 'importing',
    total,
    unit: 'files',
    stream: { isTTY, write: (text: string) => (written += text) },
    now: () => clock,
  });
  return {
    counter,
    /** One item done, `ms` after the previous one. */
    item: (done: number, ms: number) => {
      clock += ms;
      counter.update(done);
    },
    written: () => written,
  };
}

describe('progressCounter', () => {
  it('in a log, writes a plain line every hundred of a big folder and the last one, not a line per file', () => {
    const run = harness(false, 250);
    for (let done = 1; done <= 250; done++) run.item(done, 1);
    run.counter.end();
    expect(run.written()).toBe('importing 100/250 files\nimporting 200/250 files\nimporting 250/250 files\n');
  });

  it('in a log, writes a line every couple of seconds while the items come slowly', () => {
    const run = harness(false, 50);
    for (let done = 1; done <= 5; done++) run.item(done, 700);
    // The clock starts at the first item; the fourth comes 2.1 s after it, the fifth only 0.7 s later.
    expect(run.written()).toBe('importing 4/50 files\n');
  });

  it('in a log, says nothing about a quick small job', () => {
    const run = harness(false, 30);
    for (let done = 1; done <= 30; done++) run.item(done, 1);
    run.counter.end();
    expect(run.written()).toBe('');
  });

  it('on a terminal, rewrites one counter line in place at most every tenth of a second, and ends it', () => {
    const run = harness(true, 400);
    run.item(1, 0);
    run.item(2, 50);
    run.item(120, 60);
    run.item(121, 10);
    run.item(400, 10);
    run.counter.end();
    run.counter.end();
    expect(run.written()).toBe('\r\x1b[2Kimporting 120/400 files\r\x1b[2Kimporting 400/400 files\n');
  });
});
