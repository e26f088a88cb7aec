import type { Logger } from '@trailmark/logger';

export interface TPeriodic {
  /** Runs the task now unless a run is in progress. */
  trigger(): void;
  stop(): Promise<void>;
}

/** A task on an interval that never overlaps itself and logs instead of crashing. */
export function startPeriodic(name: string, intervalMs: number, task: () => Promise<void>, logger: Logger): TPeriodic {
  let running: Promise<void> | undefined;
  let isStopped = false;
  const run = (): void => {
    if (running || isStopped) return;
    running = task()
      .catch((error: unknown) => logger.error({ err: error, task: name }, 'periodic task failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    trigger: run,
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
