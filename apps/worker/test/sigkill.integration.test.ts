import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { generateSessions, insertApplication } from '@trailmark/sessions/testing';
import { createWorkerHarness, eventually, scalar, type TWorkerHarness } from './harness';

const SESSIONS = 3000;
const EVENTS_PER_SESSION = 10;

let harness: TWorkerHarness;

beforeAll(async () => {
  harness = await createWorkerHarness();
});

afterAll(async () => {
  await harness.close();
});

async function startWorkerProcess(): Promise<ChildProcess> {
  const env = await harness.env({ WORKER_CONCURRENCY: '32', LOG_LEVEL: 'warn' });
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src', 'main.ts')], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, ...Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)])) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await eventually(async () => {
    const response = await fetch(`http://127.0.0.1:${env.WORKER_HEALTH_PORT}/readyz`).catch(() => null);
    return response?.status === 200;
  }, 20_000);
  return child;
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

it('summarises every session exactly once across a SIGKILL mid-batch', async () => {
  const app = await insertApplication(harness.pool);
  await generateSessions(harness.pool, { applicationId: app, sessions: SESSIONS, eventsPerSession: EVENTS_PER_SESSION, startMs: Date.now() - 3_600_000, prefix: 'k' });
  for (let i = 1; i <= SESSIONS; i += 1) await harness.enqueueClose(app, `k-${i}`, 'api');
  const closedCount = () => scalar(harness.pool, 'SELECT count(*) AS n FROM session WHERE application_id = $1', [app]);

  const first = await startWorkerProcess();
  await eventually(async () => (await closedCount()) >= SESSIONS / 10, 30_000, 20);
  first.kill('SIGKILL');
  await exited(first);
  const atKill = await closedCount();
  expect(atKill).toBeLessThan(SESSIONS);

  const second = await startWorkerProcess();
  await eventually(async () => (await closedCount()) === SESSIONS, 60_000, 200);
  const totals = await harness.pool.query(
    `SELECT count(*)::int AS sessions, count(DISTINCT session_id)::int AS distinct_sessions, sum(navigation_count)::int AS navigations,
            sum(request_count)::int AS requests, min(end_reason) AS reason, max(end_reason) AS reason_max
       FROM session WHERE application_id = $1`,
    [app],
  );
  expect(totals.rows[0]).toEqual({ sessions: SESSIONS, distinct_sessions: SESSIONS, navigations: SESSIONS, requests: 3 * SESSIONS, reason: 'api', reason_max: 'api' });
  expect(await scalar(harness.pool, 'SELECT count(*) AS n FROM user_action WHERE application_id = $1', [app])).toBe(SESSIONS);
  expect(await scalar(harness.pool, 'SELECT count(*) AS n FROM user_error WHERE application_id = $1', [app])).toBe(SESSIONS);
  expect(await scalar(harness.pool, 'SELECT count(*) AS n FROM live_session WHERE application_id = $1', [app])).toBe(0);
  expect(await scalar(harness.pool, 'SELECT count(*) AS n FROM event WHERE application_id = $1 AND is_late', [app])).toBe(0);

  // SIGTERM drains and exits cleanly.
  const exit = exited(second);
  second.kill('SIGTERM');
  expect(await exit).toBe(0);
}, 120_000);
