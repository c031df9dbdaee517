/**
 * Group commit: calls that arrive while a batch is being written wait and are written together in
 * the next one. An idle app writes at once (a batch of one); a busy one pays a database round trip
 * per batch instead of per call — what lets the embedded PGlite, one backend, keep up.
 *
 * If a batch fails, its calls are retried one by one, so one bad item never fails its neighbours.
 */
export function groupCommit<I, O>(writeBatch: (items: I[]) => Promise<O[]>, maxBatch = 64): (item: I) => Promise<O> {
  type Waiting = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };
  let queue: Waiting[] = [];
  let writing = false;

  async function writeAlone(waiting: Waiting): Promise<void> {
    try {
      const [result] = await writeBatch([waiting.item]);
      waiting.resolve(result!);
    } catch (error) {
      waiting.reject(error);
    }
  }

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      // Let the event loop read the requests already waiting on their sockets first, so the calls
      // they make can join this batch instead of each waiting for the next.
      await new Promise((resolve) => setImmediate(resolve));
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      if (batch.length === 1) {
        await writeAlone(batch[0]!);
        continue;
      }
      try {
        const results = await writeBatch(batch.map((w) => w.item));
        batch.forEach((w, i) => {
          w.resolve(results[i]!);
        });
      } catch {
        for (const waiting of batch) await writeAlone(waiting);
      }
    }
    writing = false;
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
