import { freePort } from '@trailmark/testing';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createJobProducer, sessionCloseJobId, type TEndReason, type TJobProducer } from '@trailmark/jobs';
import { createTestDatabase, createTestRedisPrefix, type TTestDatabase, type TTestRedisPrefix } from '@trailmark/testing';
import { ZWorkerAppEnv, type TWorkerAppEnv } from '../src/env';

export const SECRET = 'worker-test-secret-'.padEnd(40, 'x');

export interface TWorkerHarness {
  database: TTestDatabase;
  redisPrefix: TTestRedisPrefix;
  pool: pg.Pool;
  producer: TJobProducer;
  env(overrides?: Partial<Record<keyof TWorkerAppEnv, string>>): Promise<TWorkerAppEnv>;
  /** Schedules a close the way the collector does (debounced by session). */
  enqueueClose(applicationId: string, sessionId: string, reason: TEndReason, delayMs?: number): Promise<void>;
  close(): Promise<void>;
}


export async function createWorkerHarness(): Promise<TWorkerHarness> {
  const database = await createTestDatabase();
  const redisPrefix = createTestRedisPrefix();
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const producerRedis = new Redis(redisPrefix.redisUrl, { maxRetriesPerRequest: null });
  const producer = createJobProducer(producerRedis, redisPrefix.prefix);
  return {
    database,
    redisPrefix,
    pool,
    producer,
    async env(overrides = {}) {
      return ZWorkerAppEnv.parse({
        DATABASE_URL: database.url,
        REDIS_URL: redisPrefix.redisUrl,
        TRAILMARK_SECRET: SECRET,
        LOG_LEVEL: 'silent',
        QUEUE_PREFIX: redisPrefix.prefix,
        WORKER_HEALTH_PORT: String(await freePort()),
        WORKER_SWEEP_INTERVAL_MS: '60000',
        WORKER_STALLED_INTERVAL_MS: '1000',
        EXPORT_POLL_INTERVAL_MS: '200',
        EXPORT_ATTEMPTS: '3',
        EXPORT_BACKOFF_MS: '50',
        EXPORT_TIMEOUT_MS: '1000',
        ...overrides,
      });
    },
    enqueueClose: (applicationId, sessionId, reason, delayMs = 0) =>
      producer.enqueue('session-close', { applicationId, sessionId, reason }, { dedupId: sessionCloseJobId(applicationId, sessionId), delayMs }),
    async close() {
      await producer.close();
      await producerRedis.quit();
      await pool.end();
      await redisPrefix.cleanup();
      await database.drop();
    },
  };
}

/** Polls until `check` returns a truthy value or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000, stepMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}

export async function scalar(pool: pg.Pool, sql: string, values: unknown[] = []): Promise<number> {
  const result = await pool.query<{ n: string }>(sql, values);
  return Number(result.rows[0]?.n ?? 0);
}

export { freePort };
