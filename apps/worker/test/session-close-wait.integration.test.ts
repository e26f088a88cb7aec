import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { JOB_DEFINITIONS } from '@trailmark/jobs';
import { createLogger } from '@trailmark/logger';
import { insertApplication, insertEvents, typicalEvents } from '@trailmark/sessions/testing';
import { startWorkerApp, type TWorkerApp } from '../src/worker-app';
import { createWorkerHarness, eventually, scalar, type TWorkerHarness } from './harness';

const TIMEOUT_MS = 1500;

let harness: TWorkerHarness;
let worker: TWorkerApp;
let redis: Redis;
let queue: Queue;

// The sweeper is slowed to a minute here, so only the job itself can close the session in time.
beforeAll(async () => {
  harness = await createWorkerHarness();
  worker = await startWorkerApp(await harness.env({ WORKER_SWEEP_INTERVAL_MS: '60000' }), createLogger('worker-test', 'silent'));
  redis = new Redis(harness.redisPrefix.redisUrl, { maxRetriesPerRequest: null });
  queue = new Queue(JOB_DEFINITIONS['session-close'].queue, { connection: redis, prefix: harness.redisPrefix.prefix });
});

afterAll(async () => {
  await queue.close();
  await redis.quit();
  await worker.stop();
  await harness.close();
});

describe('a session-close job that fires while the session is still active', () => {
  it('waits again until last activity + timeout and then closes the session itself, as one job', async () => {
    const app = await insertApplication(harness.pool, { sessionTimeoutMs: TIMEOUT_MS });
    await insertEvents(harness.pool, { applicationId: app, sessionId: 'busy' }, typicalEvents(Date.now(), 3));
    // Scheduled once, at first sight, with no delay: it fires long before the session is idle.
    await harness.enqueueClose(app, 'busy', 'timeout', 0);
    await eventually(async () => (await queue.getDelayedCount()) === 1, 5000, 20);
    expect(await scalar(harness.pool, 'SELECT count(*) AS n FROM session WHERE application_id = $1', [app])).toBe(0);

    await eventually(async () => (await scalar(harness.pool, 'SELECT count(*) AS n FROM session WHERE application_id = $1', [app])) === 1, 10_000, 50);
    const row = await harness.pool.query('SELECT end_reason, extract(epoch FROM closed_at - end_time) * 1000 AS idle_ms FROM session WHERE application_id = $1', [app]);
    expect(row.rows[0]?.end_reason).toBe('timeout');
    expect(Number(row.rows[0]?.idle_ms)).toBeGreaterThanOrEqual(TIMEOUT_MS);
    const counts = await queue.getJobCounts('completed', 'failed', 'delayed', 'wait', 'active');
    expect(counts).toMatchObject({ completed: 1, failed: 0, delayed: 0 });
  });
});
