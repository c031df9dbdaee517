import { schedule, type ScheduledTask } from 'node-cron';

export interface ScheduledRun<T> {
  /** One run now, as the schedule would run it (tests and operators); joins a run already going. */
  runNow(): Promise<T>;
  /** No further runs; resolves once a run still going has finished. */
  stop(): Promise<void>;
}

/**
 * `work` on a cron schedule, one run at a time in a process: a run still going when the next is due
 * (or when runNow is called) is joined, not doubled. A failing run is handed to `onError`, whose
 * value the run then resolves to; the schedule carries on.
 */
export function scheduleRun<T>(
  cron: string,
  name: string,
  work: () => Promise<T>,
  onError: (error: unknown) => T,
): ScheduledRun<T> {
  let running: Promise<T> | null = null;
  const runNow = () => {
    running ??= work()
      .catch(onError)
      .finally(() => {
        running = null;
      });
    return running;
  };
  const task: ScheduledTask = schedule(cron, () => runNow(), { name, noOverlap: true });
  return {
    runNow,
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
