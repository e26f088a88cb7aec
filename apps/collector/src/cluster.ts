import cluster, { type Worker } from 'node:cluster';
import { serveClusterMetrics } from './cluster-metrics';

export interface TClusterOptions {
  workers: number;
  /** Logs from the primary (it has no logger of its own: the workers build theirs from the env). */
  log: (message: string, fields?: Record<string, unknown>) => void;
  shutdownDeadlineMs?: number;
}

/**
 * Runs `start` in `workers` processes sharing the listening port (node:cluster, the primary
 * hands out connections), or in this process when `workers` is 1. Each worker has its own
 * group-commit writer and Postgres pool; correctness does not depend on which process takes a
 * beacon (dedup is the primary key, live_session is an upsert).
 *
 * SIGTERM/SIGINT to the primary: every worker drains (its own graceful shutdown) and the primary
 * exits 0 when all did. A worker that dies is replaced. A worker whose primary is gone (killed,
 * even with SIGKILL) kills itself at once, so killing the primary kills the collector.
 */
export function runClustered(start: () => Promise<void>, options: TClusterOptions): Promise<void> {
  if (options.workers <= 1) return start();
  if (cluster.isWorker) {
    if (!process.connected) process.kill(process.pid, 'SIGKILL');
    process.once('disconnect', () => process.kill(process.pid, 'SIGKILL'));
    return start();
  }
  return runPrimary(options);
}

function runPrimary(options: TClusterOptions): Promise<void> {
  let isStopping = false;
  let hasListened = false;
  let failed = false;
  const live = new Set<Worker>();

  const fork = () => {
    const worker = cluster.fork();
    live.add(worker);
    worker.once('listening', () => (hasListened = true));
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (isStopping) {
        if (code !== 0) failed = true;
        if (live.size === 0) process.exit(failed ? 1 : 0);
        return;
      }
      // A worker that cannot even start (bad config, port taken) would fail again: stop everything.
      if (!hasListened) {
        options.log('a collector worker failed to start; stopping', { code, signal });
        stop(1);
        return;
      }
      options.log('a collector worker died; starting another', { code, signal });
      setTimeout(fork, 200).unref();
    });
  };

  const stop = (exitCode = 0) => {
    if (isStopping) return;
    isStopping = true;
    if (exitCode !== 0) failed = true;
    if (live.size === 0) process.exit(failed ? 1 : 0);
    for (const worker of live) worker.process.kill('SIGTERM');
    setTimeout(() => {
      options.log('workers did not stop in time; killing them');
      for (const worker of live) worker.process.kill('SIGKILL');
      process.exit(1);
    }, options.shutdownDeadlineMs ?? 20_000).unref();
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(0));
  serveClusterMetrics();
  for (let i = 0; i < options.workers; i++) fork();
  return Promise.resolve();
}
