import pg from 'pg';
import { createPrismaClient } from '@trailmark/db';
import { createApiToken, createApplication, defineProperty, updateApplication } from '@trailmark/services';
import { createTestDatabase, createTestRedisPrefix } from '@trailmark/testing';
import type { TTestDatabase, TTestRedisPrefix } from '@trailmark/testing';
import { freePort, startApp, waitFor } from './processes';
import type { TAppProcess } from './processes';

// The whole path of SPEC §2 with real processes: beacon → collector → Postgres + BullMQ →
// worker → session summary → USQL over REST.
let database: TTestDatabase;
let redis: TTestRedisPrefix;
let pool: pg.Pool;
let collector: TAppProcess;
let worker: TAppProcess;
let collectorUrl: string;
let app: { id: string; ingestKey: string };
let token: string;

beforeAll(async () => {
  database = await createTestDatabase();
  redis = createTestRedisPrefix();
  pool = new pg.Pool({ connectionString: database.url });
  const db = createPrismaClient(database.url);
  const created = await createApplication(db, { name: 'Pipeline', allowedOrigins: ['*'] });
  await updateApplication(db, created.id, { settings: { sessionTimeoutMs: 2000, maxSessionDurationMs: 600_000 } });
  for (const definition of [
    { key: 'cart_value', dataType: 'double', scope: 'event' },
    { key: 'payment_method', dataType: 'string', scope: 'event' },
    { key: 'loyalty_tier', dataType: 'string', scope: 'session' },
    { key: 'basket_items', dataType: 'long', scope: 'session' },
  ]) {
    await defineProperty(db, created.id, definition);
  }
  token = (await createApiToken(db, { name: 'pipeline', scopes: ['usql:read'], applicationIds: [created.id] })).token;
  await db.$disconnect();
  app = { id: created.id, ingestKey: created.ingestKey };

  const [collectorPort, workerPort] = [await freePort(), await freePort()];
  const queuePrefix = `{${redis.prefix}}`;
  const common = { DATABASE_URL: database.url, REDIS_URL: redis.redisUrl, TRAILMARK_SECRET: 'pipeline-secret-'.padEnd(40, 'p') };
  collectorUrl = `http://127.0.0.1:${collectorPort}`;
  collector = await startApp('collector', { ...common, COLLECTOR_PORT: String(collectorPort), QUEUE_PREFIX: queuePrefix, COLLECTOR_REDIS_PREFIX: redis.prefix, COLLECTOR_WORKERS: '1' }, `${collectorUrl}/readyz`);
  worker = await startApp('worker', { ...common, WORKER_HEALTH_PORT: String(workerPort), QUEUE_PREFIX: queuePrefix, WORKER_SWEEP_INTERVAL_MS: '1000' }, `http://127.0.0.1:${workerPort}/readyz`);
});

afterAll(async () => {
  await collector?.stop();
  await worker?.stop();
  await pool?.end();
  await redis?.cleanup();
  await database?.drop();
});

function exampleBeacon(session: string, withEnd: boolean) {
  const now = Date.now();
  return {
    v: 1, app: app.id, session, instance: 'i-01', seq: 3, sent_at: now + 500, user_tag: 'ana@example.com', dnt: false,
    page: { url: 'https://shop.example/cart?utm_source=mail', title: 'Cart', referrer: '' },
    device: { screen: '1920x1080', window: '1280x720' },
    events: [
      { id: 'e-1', type: 'navigation', ts: now, url: 'https://shop.example/cart', timings: { ttfb: 120, dom_content_loaded: 480, load: 900, lcp: 850, cls: 0.01 } },
      { id: 'e-2', type: 'user_action', ts: now + 100, action_type: 'xhr', name: 'click on "Checkout"', duration: 340, target_url: 'https://shop.example/api/pay', event_properties: { cart_value: 129.5, payment_method: 'card' } },
      { id: 'e-3', type: 'request', ts: now + 150, url: 'https://shop.example/api/pay', method: 'POST', status: 502, duration: 300 },
      { id: 'e-4', type: 'error', ts: now + 200, error_type: 'http', status: 502, message: 'Bad Gateway' },
      { id: 'e-5', type: 'session_property', ts: now + 300, session_properties: { loyalty_tier: 'gold', basket_items: 3 } },
      ...(withEnd ? [{ id: 'e-6', type: 'session_end', ts: now + 400 }] : []),
    ],
  };
}

async function send(beacon: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${collectorUrl}/api/v1/beacon?key=${app.ingestKey}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(beacon) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function sessionRow(sessionId: string) {
  const { rows } = await pool.query('SELECT * FROM session WHERE application_id = $1 AND session_id = $2', [app.id, sessionId]);
  return rows[0] as Record<string, unknown> | undefined;
}

describe('beacon to session summary to USQL', () => {
  it('closes a session that sends session_end into one correct summary within seconds', async () => {
    const answer = await send(exampleBeacon('s-ended', true));
    expect(answer).toEqual({ status: 202, body: { accepted: 6, duplicates: 0, dropped: [] } });
    const row = await waitFor('the summary of s-ended', () => sessionRow('s-ended'), 20_000);
    expect(row).toMatchObject({
      end_reason: 'api', user_tag: 'ana@example.com', navigation_count: 1, user_action_count: 1, request_count: 1,
      error_count: 1, error_http_5xx_count: 1, is_invalid: false, screen_width: 1920, window_width: 1280,
    });
    expect(row['properties']).toEqual({ loyalty_tier: 'gold', basket_items: 3 });
    const actions = await pool.query('SELECT name, type, properties FROM user_action WHERE application_id = $1 AND session_id = $2', [app.id, 's-ended']);
    expect(actions.rows).toEqual([{ name: 'click on "Checkout"', type: 'Xhr', properties: { cart_value: 129.5, payment_method: 'card' } }]);
  });

  it('closes an idle session after the application timeout', async () => {
    expect((await send(exampleBeacon('s-idle', false))).status).toBe(202);
    const row = await waitFor('the summary of s-idle', () => sessionRow('s-idle'), 30_000);
    expect(row['end_reason']).toBe('timeout');
  });

  it('answers USQL over REST for the closed sessions', async () => {
    const query = new URLSearchParams({
      query: 'SELECT usersession.stringProperties.loyalty_tier AS tier, COUNT(*), SUM(usersession.longProperties.basket_items) FROM usersession GROUP BY tier',
      startTimestamp: String(Date.now() - 3_600_000),
      endTimestamp: String(Date.now() + 60_000),
    });
    const response = await fetch(`${collectorUrl}/api/v1/usql/table?${query.toString()}`, { headers: { authorization: `Api-Token ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ columnNames: ['tier', 'COUNT(*)', 'SUM(usersession.longProperties.basket_items)'], values: [['gold', 2, 6]], extrapolationLevel: 1 });
  });
});
