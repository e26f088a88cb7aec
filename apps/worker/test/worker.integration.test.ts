import { createLogger } from '@trailmark/logger';
import { insertApplication, insertEvents, typicalEvents } from '@trailmark/sessions/testing';
import { startWorkerApp, type TWorkerApp } from '../src/worker-app';
import { createWorkerHarness, eventually, scalar, type TWorkerHarness } from './harness';

let harness: TWorkerHarness;
let worker: TWorkerApp;

beforeAll(async () => {
  harness = await createWorkerHarness();
  worker = await startWorkerApp(await harness.env({ WORKER_SWEEP_INTERVAL_MS: '300' }), createLogger('worker-test', 'silent'));
});

afterAll(async () => {
  await worker.stop();
  await harness.close();
});

const sessionCount = (app: string, sessionId: string) =>
  scalar(harness.pool, 'SELECT count(*) AS n FROM session WHERE application_id = $1 AND session_id = $2', [app, sessionId]);

describe('session-close worker', () => {
  it('writes one summary when the same close job runs twice', async () => {
    const app = await insertApplication(harness.pool);
    await insertEvents(harness.pool, { applicationId: app, sessionId: 'dup' }, typicalEvents(Date.now() - 5000, 5));
    await Promise.all([
      harness.producer.enqueue('session-close', { applicationId: app, sessionId: 'dup', reason: 'api' }),
      harness.producer.enqueue('session-close', { applicationId: app, sessionId: 'dup', reason: 'api' }),
    ]);
    await eventually(async () => (await sessionCount(app, 'dup')) === 1);
    await harness.enqueueClose(app, 'dup', 'api');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await sessionCount(app, 'dup')).toBe(1);
    expect(await scalar(harness.pool, 'SELECT count(*) AS n FROM user_action WHERE application_id = $1', [app])).toBe(1);
  });

  it('closes on timeout after the app timeout, ignoring an early timeout job', async () => {
    const app = await insertApplication(harness.pool, { sessionTimeoutMs: 1000 });
    await insertEvents(harness.pool, { applicationId: app, sessionId: 'idle' }, typicalEvents(Date.now(), 3));
    // An early job (as if scheduled before the latest activity) must not close the session.
    await harness.producer.enqueue('session-close', { applicationId: app, sessionId: 'idle', reason: 'timeout' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await sessionCount(app, 'idle')).toBe(0);
    await harness.enqueueClose(app, 'idle', 'timeout', 1000);
    await eventually(async () => (await sessionCount(app, 'idle')) === 1, 5000, 50);
    // Whoever closed it (the delayed job or the sweeper), it was not before the timeout after the last event.
    const row = await harness.pool.query(
      'SELECT end_reason, extract(epoch FROM closed_at - end_time) * 1000 AS idle_ms FROM session WHERE application_id = $1',
      [app],
    );
    expect(row.rows[0]?.end_reason).toBe('timeout');
    expect(Number(row.rows[0]?.idle_ms)).toBeGreaterThanOrEqual(1000);
  });

  it('sweeps a session whose close job was lost', async () => {
    const app = await insertApplication(harness.pool, { sessionTimeoutMs: 1000 });
    await insertEvents(harness.pool, { applicationId: app, sessionId: 'orphan' }, typicalEvents(Date.now() - 2000, 3));
    await eventually(async () => (await sessionCount(app, 'orphan')) === 1, 5000);
    expect(await scalar(harness.pool, 'SELECT count(*) AS n FROM live_session WHERE application_id = $1', [app])).toBe(0);
  });

  it('marks an event arriving after the close late', async () => {
    const app = await insertApplication(harness.pool);
    await insertEvents(harness.pool, { applicationId: app, sessionId: 'late' }, typicalEvents(Date.now() - 5000, 2));
    await harness.enqueueClose(app, 'late', 'api');
    await eventually(async () => (await sessionCount(app, 'late')) === 1);
    await insertEvents(harness.pool, { applicationId: app, sessionId: 'late' }, [{ type: 'navigation', ts: Date.now(), receivedAt: Date.now() + 1000 }]);
    await harness.enqueueClose(app, 'late', 'api');
    await eventually(async () => (await scalar(harness.pool, 'SELECT count(*) AS n FROM event WHERE application_id = $1 AND is_late', [app])) === 1);
    const summary = await harness.pool.query('SELECT navigation_count FROM session WHERE application_id = $1', [app]);
    expect(summary.rows[0]).toEqual({ navigation_count: 1 });
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`http://127.0.0.1:${worker.healthPort}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${worker.healthPort}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, checks: { postgres: { ok: true }, redis: { ok: true } } });
  });
});
