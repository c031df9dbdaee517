/**
 * Slack waits 3 s for an ack. Work that normally finishes well inside that (a database read or
 * write) is awaited before acking so the user hears the outcome at once; if it runs past this budget
 * the listener acks with a holding message and reports the outcome through response_url instead
 * (commands/decide/answerSoon.ts).
 */
export const ACK_BUDGET_MS = 2000;

export type Settled<T> = { settled: true } | { settled: false; pending: Promise<T> };

export async function settleWithin<T>(promise: Promise<T>, ms = ACK_BUDGET_MS): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  const outcome = await Promise.race([
    promise.then(
      () => 'done' as const,
      () => 'done' as const,
    ),
    late,
  ]);
  clearTimeout(timer);
  return outcome === 'done' ? { settled: true } : { settled: false, pending: promise };
}
