/** Where progress goes: process.stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressCounter {
  /** `done` of the total, so far. */
  update(done: number): void;
  /** Ends the counter's line on a terminal, before anything else is printed; again, it does nothing. */
  end(): void;
}

export interface ProgressCounterProps {
  /** What is being done, as "importing". */
  doing: string;
  total: number;
  /** What is counted, as "files". */
  unit: string;
  stream?: ProgressStream;
  now?: () => number;
}

/** A terminal is redrawn at most this often; a log gets a line at least this often while work goes on. */
const REDRAW_MS = 100;
const LOG_EVERY_MS = 2_000;

/**
 * Progress of a long step, for stderr (stdout carries only the result). On a terminal, one line
 * rewritten in place ("importing 120/400 files"); in a log, a plain line every tenth of the work
 * (at least 100 items) or every couple of seconds, so a big folder is not a line per file and a
 * quick one prints nothing.
 */
export function progressCounter({
  doing,
  total,
  unit,
  stream = process.stderr,
  now = Date.now,
}: ProgressCounterProps): ProgressCounter {
  const terminal = stream.isTTY === true;
  const step = Math.max(100, Math.ceil(total / 10));
  let shown: { done: number; at: number } | undefined;
  let wrote = false;
  const line = (done: number) => `${doing} ${done}/${total} ${unit}`;
  return {
    update(done) {
      const at = now();
      // The clock starts with the first item: what came before (opening the database) is not counted.
      shown ??= { done: 0, at };
      const finished = done >= total;
      if (terminal) {
        if (!finished && at - shown.at < REDRAW_MS) return;
        // \r and "erase line" redraw the counter where it stands.
        stream.write(`\r\x1b[2K${line(done)}`);
      } else {
        const due = done - shown.done >= step || at - shown.at >= LOG_EVERY_MS || (finished && wrote);
        if (!due || done === shown.done) return;
        stream.write(`${line(done)}\n`);
      }
      shown = { done, at };
      wrote = true;
    },
    end() {
      if (terminal && wrote) stream.write('\n');
      wrote = false;
    },
  };
}
