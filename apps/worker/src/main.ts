import { createLogger } from '@trailmark/logger';
import { installGracefulShutdown } from '@trailmark/runtime';
import { loadWorkerEnv } from './env';
import { startWorkerApp } from './worker-app';

async function main(): Promise<void> {
  const env = loadWorkerEnv();
  const logger = createLogger('worker', env.LOG_LEVEL);
  const app = await startWorkerApp(env, logger);
  // Job locks outlive a hung drain by far, so a forced exit releases jobs to other workers.
  installGracefulShutdown(logger, app.closers, 20_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
