import type { Logger } from '@trailmark/logger';

export type TCloser = { name: string; close: () => Promise<unknown> };

/**
 * On SIGTERM/SIGINT runs the closers in order (stop taking work first, then drain, then
 * disconnect) and exits; a second signal or the deadline forces the exit.
 */
export function installGracefulShutdown(logger: Logger, closers: TCloser[], deadlineMs = 15_000): () => Promise<void> {
  let shuttingDown: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    shuttingDown ??= (async () => {
      const timer = setTimeout(() => {
        logger.error({ deadlineMs }, 'shutdown deadline passed; exiting');
        process.exit(1);
      }, deadlineMs);
      timer.unref();
      for (const closer of closers) {
        try {
          await closer.close();
          logger.info({ closer: closer.name }, 'closed');
        } catch (error) {
          logger.error({ closer: closer.name, err: error }, 'close failed');
        }
      }
      clearTimeout(timer);
    })();
    return shuttingDown;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      void shutdown().then(() => process.exit(0));
    });
  }
  return shutdown;
}
