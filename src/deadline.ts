/** A promise that did not settle in time. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/**
 * `promise`, or a DeadlineError once `ms` have passed. The promise keeps running; if it fails
 * after losing the race, nobody is waiting for it, so that failure is swallowed here.
 */
export function withDeadline<T>(promise: PromiseLike<T>, ms: number, what = 'no answer'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} within ${ms} ms`)), ms);
  });
  const settled = Promise.resolve(promise);
  settled.catch(() => {});
  return Promise.race([settled, deadline]).finally(() => clearTimeout(timer));
}
