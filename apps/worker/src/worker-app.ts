import { DelayedError, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { createPgPool } from '@trailmark/db';
import { claimPendingDeliveries, deliveryJobId, EXPORT_DELIVERY_QUEUE, type TDeliveryPolicy } from '@trailmark/exports';
import type { Logger } from '@trailmark/logger';
import type { TCloser } from '@trailmark/runtime';
import { closeExpiredSessions, createCloseBatcher } from '@trailmark/sessions';
import type { TWorkerAppEnv } from './env';
import { startHealthServer } from './health-server';
import { isRunAgain, type TJobContext, type TJobDefinition } from './jobs/job-definition';
import { WORKER_JOBS } from './jobs/registry';
import { startPeriodic, type TPeriodic } from './periodic';

const OUTBOX_BATCH = 500;
// A claimed delivery still pending this long after its hand-off lost its job (e.g. Redis flushed).
const OUTBOX_STALE_MS = 10 * 60_000;

export interface TWorkerApp {
  healthPort: number;
  /** Closers in shutdown order: stop taking work, drain, disconnect. */
  closers: TCloser[];
  stop(): Promise<void>;
}

export async function startWorkerApp(env: TWorkerAppEnv, logger: Logger): Promise<TWorkerApp> {
  const pool = createPgPool(env.DATABASE_URL, { max: Math.min(env.WORKER_CONCURRENCY, 8) + 4, applicationName: 'trailmark-worker' });
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const deliveryPolicy: TDeliveryPolicy = { attempts: env.EXPORT_ATTEMPTS, backoffMs: env.EXPORT_BACKOFF_MS, timeoutMs: env.EXPORT_TIMEOUT_MS };
  const deliveryQueue = new Queue(EXPORT_DELIVERY_QUEUE, { connection: redis, prefix: env.QUEUE_PREFIX });
  const outbox = startPeriodic('export-outbox', env.EXPORT_POLL_INTERVAL_MS, () => enqueueDeliveries(pool, deliveryQueue, deliveryPolicy), logger);
  const closer = createCloseBatcher(pool, {
    maxBatch: env.WORKER_CONCURRENCY,
    onClosed: (result) => {
      if (result.deliveries > 0) outbox.trigger();
    },
  });
  const context: TJobContext = { pool, logger, closer, deliveryPolicy };
  const workerConnections = WORKER_JOBS.map(() => redis.duplicate());
  const workers = WORKER_JOBS.map((definition, i) => startJobWorker(definition, context, env, workerConnections[i] ?? redis.duplicate()));
  const sweeper = startSweeper(pool, env, logger, outbox);
  const health = await startHealthServer(env.WORKER_HEALTH_PORT, {
    postgres: () => pool.query('SELECT 1'),
    redis: () => redis.ping(),
  });
  health.setReady(true);
  logger.info({ healthPort: health.port, concurrency: env.WORKER_CONCURRENCY }, 'worker started');
  const closers = shutdownOrder({ health, sweeper, outbox, workers, closer, deliveryQueue, redisConnections: [...workerConnections, redis], pool });
  return {
    healthPort: health.port,
    closers,
    async stop() {
      for (const step of closers) await step.close();
    },
  };
}

function startJobWorker(definition: TJobDefinition, context: TJobContext, env: TWorkerAppEnv, connection: Redis): Worker {
  const isDelivery = definition.queue === EXPORT_DELIVERY_QUEUE;
  const worker = new Worker(
    definition.queue,
    async (job, token) => {
      const result = await definition.handle(definition.schema.parse(job.data), context, job);
      if (!isRunAgain(result)) return result;
      await job.moveToDelayed(result.runAgainAt, token);
      throw new DelayedError();
    },
    {
      connection,
      prefix: env.QUEUE_PREFIX,
      concurrency: isDelivery ? env.EXPORT_CONCURRENCY : env.WORKER_CONCURRENCY,
      stalledInterval: env.WORKER_STALLED_INTERVAL_MS,
      lockDuration: Math.max(env.WORKER_STALLED_INTERVAL_MS, 5000),
      maxStalledCount: 5,
    },
  );
  worker.on('failed', (job, error) => context.logger.warn({ job: job?.name, id: job?.id, err: error }, 'job failed'));
  worker.on('error', (error) => context.logger.error({ err: error, queue: definition.queue }, 'worker error'));
  return worker;
}

/** Safety net: closes sessions whose close job was lost (Redis flushed, job failed for good). */
function startSweeper(pool: pg.Pool, env: TWorkerAppEnv, logger: Logger, outbox: TPeriodic): TPeriodic {
  return startPeriodic(
    'session-sweeper',
    env.WORKER_SWEEP_INTERVAL_MS,
    async () => {
      const result = await closeExpiredSessions(pool, { batchSize: 500 });
      if (result.closed > 0) logger.info(result, 'sweeper closed expired sessions');
      if (result.deliveries > 0) outbox.trigger();
    },
    logger,
  );
}

async function enqueueDeliveries(pool: pg.Pool, queue: Queue, policy: TDeliveryPolicy): Promise<void> {
  for (;;) {
    const ids = await claimPendingDeliveries(pool, { limit: OUTBOX_BATCH, staleMs: OUTBOX_STALE_MS });
    if (ids.length === 0) return;
    await queue.addBulk(
      ids.map((deliveryId) => ({
        name: 'export-delivery',
        data: { deliveryId },
        opts: {
          jobId: deliveryJobId(deliveryId),
          attempts: policy.attempts,
          backoff: { type: 'exponential', delay: policy.backoffMs },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
    if (ids.length < OUTBOX_BATCH) return;
  }
}

function shutdownOrder(parts: {
  health: { setReady(value: boolean): void; close(): Promise<void> };
  sweeper: TPeriodic;
  outbox: TPeriodic;
  workers: Worker[];
  closer: { drain(): Promise<void> };
  deliveryQueue: Queue;
  redisConnections: Redis[];
  pool: pg.Pool;
}): TCloser[] {
  return [
    { name: 'readiness', close: async () => parts.health.setReady(false) },
    { name: 'sweeper', close: () => parts.sweeper.stop() },
    // BullMQ's close stops fetching and waits for the jobs in flight (their batch commits).
    { name: 'job workers', close: () => Promise.all(parts.workers.map((worker) => worker.close())) },
    { name: 'close batcher', close: () => parts.closer.drain() },
    { name: 'export outbox', close: () => parts.outbox.stop() },
    { name: 'delivery queue', close: () => parts.deliveryQueue.close() },
    // BullMQ leaves connections it was handed open.
    { name: 'redis', close: () => Promise.all(parts.redisConnections.map((connection) => connection.quit())) },
    { name: 'postgres', close: () => parts.pool.end() },
    { name: 'health server', close: () => parts.health.close() },
  ];
}
