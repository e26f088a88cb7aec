import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import express from 'express';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '@trailmark/db';
import { createLogger } from '@trailmark/logger';
import { createApiToken, createApplication, defineProperty, revokeApiToken } from '@trailmark/services';
import { createTestDatabase, createTestRedisPrefix, type TTestDatabase, type TTestRedisPrefix } from '@trailmark/testing';
import { usqlRoutes, type TUsqlRouteDeps } from '../src/routes/usql';

// ---------------------------------------------------------------- fixture: two applications

const NOW = Date.parse('2026-11-22T12:00:00Z');
const FRAME = { startTimestamp: Date.parse('2026-11-01T00:00:00Z'), endTimestamp: Date.parse('2026-12-01T00:00:00Z') };
const t = (iso: string): number => Date.parse(iso);

interface TSeedSession {
  id: string;
  start: string;
  duration?: number;
  [column: string]: unknown;
}

function sessionRow(app: string, s: TSeedSession): Record<string, unknown> {
  const { id, start, duration = 1000, ...extra } = s;
  return {
    application_id: app,
    session_id: id,
    instance_id: `i-${id}`,
    start_time: new Date(t(start)),
    end_time: new Date(t(start) + duration),
    duration,
    end_reason: 'timeout',
    user_type: 'REAL_USER',
    device_type: 'desktop',
    ...extra,
    properties: JSON.stringify(extra['properties'] ?? {}),
  };
}

function actionRow(app: string, session: TSeedSession, index: number, name: string, duration: number, properties: Record<string, unknown> = {}): Record<string, unknown> {
  const start = t(session.start) + index * 1000;
  return {
    application_id: app,
    session_id: session.id,
    event_id: `${session.id}-a${index}`,
    session_start_time: new Date(t(session.start)),
    name,
    type: name.startsWith('Loading') ? 'Load' : 'Xhr',
    start_time: new Date(start),
    end_time: new Date(start + duration),
    duration,
    properties: JSON.stringify(properties),
  };
}

const S1: TSeedSession = {
  id: 's1', start: '2026-11-22T10:00:00Z', duration: 4800, user_tag: 'a@example.com', country: 'US', browser_name: 'Chrome', user_action_count: 5,
  client_isp: 'Comcast', error_count: 1, error_js_count: 1, properties: { loyalty_tier: 'gold', basket_items: 3 },
};
const S2: TSeedSession = {
  id: 's2', start: '2026-11-22T11:03:00Z', duration: 1200, user_tag: 'b@example.net', country: 'CA', browser_name: 'Firefox', user_action_count: 2,
  client_isp: 'Comcast', properties: { loyalty_tier: 'silver', basket_items: 1 },
};
const S3: TSeedSession = {
  id: 's3', start: '2026-11-10T08:00:00Z', duration: 60000, user_tag: 'c@example.com', country: 'US', browser_name: 'Chrome', user_action_count: 4,
  user_type: 'ROBOT', client_isp: 'Vodafone', error_count: 2, properties: { loyalty_tier: 'gold', basket_items: 5 },
};
const S4: TSeedSession = { id: 's4', start: '2026-11-22T11:59:00Z', duration: 3000, user_tag: 'd@example.com', country: 'AT', browser_name: 'Safari', user_action_count: 1, client_isp: 'A1' };
const S5: TSeedSession = { id: 's5', start: '2026-11-20T09:00:00Z', user_tag: 'bot', country: 'US', browser_name: 'Chrome', is_invalid: true };
// Tenant B reuses a session id of A: none of these rows may ever reach a token for A.
const B1: TSeedSession = {
  id: 's1', start: '2026-11-22T10:00:00Z', duration: 999999, user_tag: 'evil@example.com', country: 'US', browser_name: 'EvilBrowser', user_action_count: 9,
  client_isp: 'Comcast', error_count: 3, properties: { loyalty_tier: 'evil', basket_items: 1000 },
};
const B2: TSeedSession = { id: 'x9', start: '2026-11-21T10:00:00Z', user_tag: 'evil2@example.com', country: 'ZZ', browser_name: 'EvilBrowser' };

// ---------------------------------------------------------------- harness

interface TServer {
  url: string;
  close(): Promise<void>;
}

async function serve(deps: TUsqlRouteDeps): Promise<TServer> {
  const app = express();
  app.use(usqlRoutes({ logger: createLogger('usql-test', 'silent'), usql: deps }));
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let database: TTestDatabase;
let redisPrefix: TTestRedisPrefix;
let prisma: PrismaClient;
let pool: pg.Pool;
let redis: Redis;
let main: TServer;
let appA: string;
let appB: string;
const tokens = { a: '', b: '', all: '', noScope: '', revoked: '' };
let sessionRowsAtStart = 0;

type TBody = Record<string, unknown> & { error?: { code: string; message: string; line?: number; column?: number } };

async function call(params: Record<string, unknown>, options: { token?: string | null; path?: string; method?: 'GET' | 'POST'; server?: TServer; header?: string } = {}) {
  const server = options.server ?? main;
  const path = options.path ?? '/api/v1/usql/table';
  const headers: Record<string, string> = {};
  if (options.header !== undefined) headers['authorization'] = options.header;
  else if (options.token !== null) headers['authorization'] = `Api-Token ${options.token ?? tokens.a}`;
  let response: Response;
  if ((options.method ?? 'GET') === 'GET') {
    const search = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]));
    response = await fetch(`${server.url}${path}?${search.toString()}`, { headers });
  } else {
    response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(params) });
  }
  return { status: response.status, headers: response.headers, body: (await response.json()) as TBody };
}

/** A query over the seeded month. */
const q = (query: string, extra: Record<string, unknown> = {}) => call({ query, ...FRAME, ...extra });

async function insert(table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    await pool.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  redisPrefix = createTestRedisPrefix();
  prisma = createPrismaClient(database.url);
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  redis = new Redis(redisPrefix.redisUrl, { maxRetriesPerRequest: 2 });
  appA = (await createApplication(prisma, { name: 'Shop A' })).id;
  appB = (await createApplication(prisma, { name: 'Shop B' })).id;
  for (const app of [appA, appB]) {
    await defineProperty(prisma, app, { key: 'payment_method', dataType: 'string', scope: 'event' });
    await defineProperty(prisma, app, { key: 'cart_value', dataType: 'double', scope: 'event' });
    await defineProperty(prisma, app, { key: 'loyalty_tier', dataType: 'string', scope: 'session' });
    await defineProperty(prisma, app, { key: 'basket_items', dataType: 'long', scope: 'session' });
  }
  await insert('session', [...[S1, S2, S3, S4, S5].map((s) => sessionRow(appA, s)), ...[B1, B2].map((s) => sessionRow(appB, s))]);
  await insert('user_action', [
    actionRow(appA, S1, 1, 'view cart', 300),
    actionRow(appA, S1, 2, 'checkout', 900),
    actionRow(appA, S1, 3, 'pay', 1200),
    actionRow(appA, S1, 4, 'Loading of page /home', 1500, { payment_method: 'card', cart_value: 150 }),
    actionRow(appA, S1, 5, 'login', 100),
    actionRow(appA, S2, 1, 'view cart', 200),
    actionRow(appA, S2, 2, 'checkout', 700, { payment_method: 'paypal', cart_value: 80 }),
    actionRow(appA, S3, 1, 'login', 50),
    actionRow(appA, S3, 2, 'checkout', 400),
    actionRow(appA, S3, 3, 'Loading of page /cart', 2500, { payment_method: 'card', cart_value: 300 }),
    actionRow(appA, S3, 4, 'view cart', 100),
    actionRow(appA, S4, 1, 'view cart', 300),
    actionRow(appA, S5, 1, 'checkout', 5000),
    actionRow(appB, B1, 1, 'evil', 99999, { payment_method: 'evil', cart_value: 1e6 }),
    actionRow(appB, B1, 2, 'checkout', 99999),
    actionRow(appB, B1, 3, 'view cart', 99999),
    actionRow(appB, B1, 4, 'pay', 99999),
    actionRow(appB, B2, 1, 'Loading of page /evil', 99999),
  ]);
  tokens.a = (await createApiToken(prisma, { name: 'A', scopes: ['usql:read'], applicationIds: [appA] })).token;
  tokens.b = (await createApiToken(prisma, { name: 'B', scopes: ['usql:read'], applicationIds: [appB] })).token;
  tokens.all = (await createApiToken(prisma, { name: 'all', scopes: ['usql:read', 'sessions:read'] })).token;
  tokens.noScope = (await createApiToken(prisma, { name: 'no scope', scopes: ['sessions:read'], applicationIds: [appA] })).token;
  const revoked = await createApiToken(prisma, { name: 'revoked', scopes: ['usql:read'] });
  await revokeApiToken(prisma, revoked.id);
  tokens.revoked = revoked.token;
  sessionRowsAtStart = Number((await pool.query('SELECT count(*) AS n FROM session')).rows[0].n);
  main = await serve({ db: prisma, pool, redis, redisPrefix: redisPrefix.prefix, rateLimit: { points: 10_000, durationSeconds: 60 }, now: () => NOW });
});

afterAll(async () => {
  await main?.close();
  await redis?.quit();
  await redisPrefix?.cleanup();
  await pool?.end();
  await prisma?.$disconnect();
  await database?.drop();
});

const sortRows = (rows: unknown): unknown[][] => [...(rows as unknown[][])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

// ---------------------------------------------------------------- USQL.md §7 through HTTP

describe('USQL.md §7 examples through GET /api/v1/usql/table', () => {
  const table = (columnNames: string[], values: unknown[][]) => ({ columnNames, values, extrapolationLevel: 1 });

  it('1. country counts, most first', async () => {
    const { status, body } = await q('SELECT country, COUNT(*) FROM usersession GROUP BY country ORDER BY COUNT(*) DESC LIMIT 10');
    expect(status).toBe(200);
    expect(body.columnNames).toEqual(['country', 'COUNT(*)']);
    expect((body.values as unknown[][])[0]).toEqual(['US', 2]);
    expect(sortRows(body.values)).toEqual([['AT', 1], ['CA', 1], ['US', 2]]);
    expect(body.extrapolationLevel).toBe(1);
  });

  it('2. rows with dates as epoch ms', async () => {
    const { body } = await q("SELECT userId, startTime, duration FROM usersession WHERE userActionCount > 3 AND userType = 'REAL_USER' ORDER BY startTime DESC LIMIT 20");
    expect(body).toEqual(table(['userId', 'startTime', 'duration'], [['a@example.com', t('2026-11-22T10:00:00Z'), 4800]]));
  });

  it('3. each child condition on its own', async () => {
    const { body } = await q("SELECT COUNT(*) FROM usersession WHERE useraction.name = 'login' AND useraction.name = 'checkout'");
    expect(body).toEqual(table(['COUNT(*)'], [[2]]));
  });

  it('4. user actions with STARTSWITH', async () => {
    const { body } = await q("SELECT name, duration FROM useraction WHERE name STARTSWITH 'Loading of page' AND duration > 1000 ORDER BY duration DESC");
    expect(body).toEqual(table(['name', 'duration'], [['Loading of page /cart', 2500], ['Loading of page /home', 1500]]));
  });

  it('5. child values of a session as an array cell', async () => {
    const { body } = await q("SELECT browserFamily, useraction.name FROM usersession WHERE useraction.name = 'checkout' LIMIT 5");
    expect(body.columnNames).toEqual(['browserFamily', 'useraction.name']);
    expect(sortRows(body.values)).toEqual(
      sortRows([
        ['Chrome', ['view cart', 'checkout', 'pay', 'Loading of page /home', 'login']],
        ['Firefox', ['view cart', 'checkout']],
        ['Chrome', ['login', 'checkout', 'Loading of page /cart', 'view cart']],
      ]),
    );
  });

  it('6. DATETIME buckets', async () => {
    const { body } = await q("SELECT DATETIME(startTime, 'HH:mm', '5m') AS t, COUNT(*) FROM usersession GROUP BY t");
    expect(body.columnNames).toEqual(['t', 'COUNT(*)']);
    expect(sortRows(body.values)).toEqual([['08:00', 1], ['10:00', 1], ['11:00', 1], ['11:55', 1]]);
  });

  it('7. MONTH groups', async () => {
    expect((await q('SELECT MONTH(startTime) AS month, COUNT(*) FROM usersession GROUP BY month')).body).toEqual(table(['month', 'COUNT(*)'], [[11, 4]]));
  });

  it('8. TOP', async () => {
    const { body } = await q('SELECT TOP(country, 20), TOP(browserFamily, 3), COUNT(*) FROM usersession GROUP BY country');
    expect(body.columnNames).toEqual(['TOP(country, 20)', 'TOP(browserFamily, 3)', 'COUNT(*)']);
    expect(sortRows(body.values)).toEqual([['AT', ['Safari'], 1], ['CA', ['Firefox'], 1], ['US', ['Chrome'], 2]]);
  });

  it('9. FUNNEL', async () => {
    const { body } = await q(`SELECT FUNNEL(useraction.name = 'view cart' AS "Cart", useraction.name = 'checkout' AS "Checkout", useraction.name = 'pay' AS "Paid") FROM usersession`);
    expect(body).toEqual(table(['Cart', 'Checkout', 'Paid'], [[4, 3, 1]]));
  });

  it('10. CONDITION', async () => {
    const { body } = await q("SELECT COUNT(*), CONDITION(COUNT(*), WHERE hasError = true) AS withErrors, CONDITION(AVG(duration), WHERE country = 'AT') FROM usersession");
    expect(body.columnNames).toEqual(['COUNT(*)', 'withErrors', "CONDITION(AVG(duration), WHERE country = 'AT')"]);
    expect(body.values).toEqual([[4, 2, 3000]]);
  });

  it('11. FILTER', async () => {
    const { body } = await q('SELECT isp, AVG(useraction.duration) FILTER > 500 AS slow FROM usersession GROUP BY isp ORDER BY slow DESC');
    expect(body).toEqual(table(['isp', 'slow'], [['Vodafone', 762.5], ['Comcast', 700]]));
  });

  it('12. DISTINCT KEYS', async () => {
    const { body } = await q('SELECT DISTINCT KEYS(stringProperties) FROM useraction');
    expect(body).toEqual(table(['KEYS(stringProperties)'], [['payment_method']]));
  });

  it('13. typed property group with MEDIAN and PERCENTILE', async () => {
    const { body } = await q(
      'SELECT stringProperties.payment_method, COUNT(*), MEDIAN(duration), PERCENTILE(duration, 90) FROM useraction WHERE doubleProperties.cart_value > 100 GROUP BY stringProperties.payment_method',
    );
    expect(body.columnNames).toEqual(['stringProperties.payment_method', 'COUNT(*)', 'MEDIAN(duration)', 'PERCENTILE(duration, 90)']);
    const [row] = body.values as [unknown[]];
    expect(row.slice(0, 3)).toEqual(['card', 2, 2000]);
    expect(row[3]).toBeCloseTo(2400, 6);
  });

  it('14. session property sums per tier', async () => {
    const { body } = await q('SELECT usersession.stringProperties.loyalty_tier AS tier, SUM(usersession.longProperties.basket_items) FROM usersession GROUP BY tier');
    expect(body.columnNames).toEqual(['tier', 'SUM(usersession.longProperties.basket_items)']);
    expect(sortRows(body.values)).toEqual(sortRows([['gold', 8], ['silver', 1], [null, null]]));
  });

  it('15. IN, LIKE and $NOW - DURATION', async () => {
    const { body } = await q(`SELECT userId FROM usersession WHERE country IN ('US', 'CA') AND userId LIKE '*@example.?om' AND startTime > $NOW - DURATION("1d")`);
    expect(body).toEqual(table(['userId'], [['a@example.com']]));
  });
});

describe('request forms and result shapes', () => {
  it('accepts POST with a JSON body and the userSessionQueryLanguage paths', async () => {
    const query = 'SELECT COUNT(*) FROM usersession';
    const expected = { columnNames: ['COUNT(*)'], values: [[4]], extrapolationLevel: 1 };
    expect((await call({ query, ...FRAME }, { method: 'POST' })).body).toEqual(expected);
    expect((await call({ query, ...FRAME }, { path: '/api/v1/userSessionQueryLanguage/table' })).body).toEqual(expected);
    expect((await call({ query, ...FRAME }, { path: '/api/v1/userSessionQueryLanguage/table', method: 'POST' })).body).toEqual(expected);
  });

  it('defaults the time frame to the last two hours', async () => {
    // Sessions starting in [10:00, 12:00): s1, s2, s4.
    expect((await call({ query: 'SELECT COUNT(*) FROM usersession' })).body.values).toEqual([[3]]);
    expect((await call({ query: 'SELECT COUNT(*) FROM usersession', startTimestamp: t('2026-11-22T11:00:00Z') })).body.values).toEqual([[2]]);
  });

  it('returns the tree of a grouped query', async () => {
    const { status, body } = await q('SELECT country, browserFamily, COUNT(*), MAX(duration) FROM usersession GROUP BY country, browserFamily', {}, );
    expect(status).toBe(200);
    expect(body).toEqual({ columnNames: ['country', 'browserFamily', 'COUNT(*)', 'MAX(duration)'], values: expect.any(Array), extrapolationLevel: 1 });
    const tree = await call({ query: 'SELECT country, browserFamily, COUNT(*), MAX(duration) FROM usersession GROUP BY country, browserFamily', ...FRAME }, { path: '/api/v1/usql/tree' });
    expect(tree.status).toBe(200);
    expect(tree.body).toEqual({
      branchNames: ['country', 'browserFamily'],
      leafNames: ['COUNT(*)', 'MAX(duration)'],
      values: { US: { Chrome: [2, 60000] }, CA: { Firefox: [1, 1200] }, AT: { Safari: [1, 3000] } },
      extrapolationLevel: 1,
    });
    const post = await call({ query: 'SELECT country, COUNT(*) FROM usersession GROUP BY country', ...FRAME }, { path: '/api/v1/userSessionQueryLanguage/tree', method: 'POST' });
    expect(post.body).toEqual({ branchNames: ['country'], leafNames: ['COUNT(*)'], values: { US: [2], CA: [1], AT: [1] }, extrapolationLevel: 1 });
  });

  it('refuses a tree for an ungrouped query with a USQL error', async () => {
    const { status, body } = await call({ query: 'SELECT userId FROM usersession', ...FRAME }, { path: '/api/v1/usql/tree' });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'USQL_UNSUPPORTED', line: 1, column: 1 });
  });

  it('pages the table', async () => {
    const query = 'SELECT userId FROM usersession ORDER BY userId';
    expect((await q(query)).body.values).toEqual([['a@example.com'], ['b@example.net'], ['c@example.com'], ['d@example.com']]);
    expect((await q(query, { pageSize: 2, pageOffset: 1 })).body.values).toEqual([['b@example.net'], ['c@example.com']]);
    expect((await q(query, { pageSize: 2, pageOffset: 3 })).body.values).toEqual([['d@example.com']]);
    expect((await q(query, { pageOffset: 10 })).body.values).toEqual([]);
  });

  it('shifts output dates and zone-less literals by offsetUTC', async () => {
    const { body } = await q("SELECT startTime, HOUR(startTime) FROM usersession WHERE userId = 'a@example.com'", { offsetUTC: 60 });
    expect(body.values).toEqual([[t('2026-11-22T10:00:00Z') + 3_600_000, 11]]);
    // 2026-11-22 11:30 at UTC+1 is 10:30 UTC: s2 (11:03) and s4 (11:59) start later.
    expect((await q("SELECT COUNT(*) FROM usersession WHERE startTime > '2026-11-22 11:30'", { offsetUTC: 60 })).body.values).toEqual([[2]]);
  });

  it('explains the applied limits, without SQL for API tokens', async () => {
    const { body } = await q('SELECT COUNT(*) FROM usersession', { explain: true });
    const explanations = body['explanations'] as string[];
    expect(explanations).toEqual(expect.arrayContaining([expect.stringMatching(/^applications: 1;/), 'LIMIT 50', expect.stringMatching(/statement timeout 10000 ms/)]));
    expect(explanations.join('\n')).not.toMatch(/SQL|SELECT/);
    expect((await q('SELECT COUNT(*) FROM usersession')).body).not.toHaveProperty('explanations');
  });
});

// ---------------------------------------------------------------- statuses and error bodies

describe('statuses and error bodies', () => {
  it.each([
    ['SELECT useraction.name FROM userevent', 'USQL_UNSUPPORTED', 8],
    ['SELECT COUNT(*) FROM usersession WHERE duration > userActionCount', 'USQL_UNSUPPORTED', 51],
    ['SELECT browserFamly FROM usersession', 'USQL_UNKNOWN_FIELD', 8],
    ['SELECT stringProperties.cart_value FROM useraction', 'USQL_UNKNOWN_PROPERTY', 8],
    ['SELECT country FROM usersession LIMIT 100000', 'USQL_LIMIT', undefined],
    ['SELECT COUNT(*) FROM usersession WHERE', 'USQL_SYNTAX', undefined],
  ] as const)('400 {"error": {code, message, line, column}}: %s', async (query, code, column) => {
    const { status, body } = await q(query);
    expect(status).toBe(400);
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toEqual({ code, message: expect.any(String), line: 1, column: column ?? expect.any(Number) });
  });

  it('suggests the intended field', async () => {
    expect((await q('SELECT browserFamly FROM usersession')).body.error?.message).toMatch(/did you mean `browserFamily`/);
  });

  it('points at the offending token on a later line', async () => {
    const { body } = await q('SELECT country\nFROM usersession\nWHERE browserFamly = 1');
    expect(body.error).toMatchObject({ code: 'USQL_UNKNOWN_FIELD', line: 3, column: 7 });
    expect(body.error?.message).toMatch(/browserFamily/);
  });

  it('400 VALIDATION for bad parameters and bodies', async () => {
    const missing = await call({ ...FRAME });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'query' })] });
    expect((await q('SELECT COUNT(*) FROM usersession', { pageSize: 'ten' })).status).toBe(400);
    expect((await q('SELECT COUNT(*) FROM usersession', { offsetUTC: 100000 })).status).toBe(400);
    expect((await call({ query: 'SELECT COUNT(*) FROM usersession', startTimestamp: 2, endTimestamp: 1 })).body.error?.code).toBe('VALIDATION');
    const badJson = await fetch(`${main.url}/api/v1/usql/table`, { method: 'POST', headers: { authorization: `Api-Token ${tokens.a}`, 'content-type': 'application/json' }, body: '{"query":' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as TBody).error?.code).toBe('VALIDATION');
  });

  it('401 without or with a bad token', async () => {
    const none = await call({ query: 'SELECT COUNT(*) FROM usersession' }, { token: null });
    expect(none.status).toBe(401);
    expect(none.body.error?.code).toBe('UNAUTHENTICATED');
    expect(none.headers.get('www-authenticate')).toBe('Api-Token');
    expect((await call({ query: 'SELECT 1' }, { header: `Bearer ${tokens.a}` })).status).toBe(401);
    expect((await call({ query: 'SELECT 1' }, { token: 'tmt_not-a-real-token' })).status).toBe(401);
    expect((await call({ query: 'SELECT 1' }, { token: 'garbage' })).status).toBe(401);
    expect((await call({ query: 'SELECT 1' }, { token: tokens.revoked })).status).toBe(401);
  });

  it('403 without the usql:read scope or for an application outside the token', async () => {
    const scope = await call({ query: 'SELECT COUNT(*) FROM usersession' }, { token: tokens.noScope });
    expect(scope.status).toBe(403);
    expect(scope.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/usql:read/) });
    const other = await q('SELECT COUNT(*) FROM usersession', { applicationId: appB });
    expect(other.status).toBe(403);
    expect(other.body.error?.code).toBe('FORBIDDEN');
    expect((await q('SELECT COUNT(*) FROM usersession', { applicationId: 'no-such-app' })).status).toBe(403);
  });

  it('408 when the statement runs past the statement timeout', async () => {
    const slow = await serve({ db: prisma, pool, redis, redisPrefix: redisPrefix.prefix, statementTimeoutMs: 50, now: () => NOW });
    const locker = await pool.connect();
    try {
      // Holding an exclusive lock makes the read wait until statement_timeout cancels it.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE session IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const { status, body } = await call({ query: 'SELECT COUNT(*) FROM usersession', ...FRAME }, { server: slow });
      expect(status).toBe(408);
      expect(body.error).toMatchObject({ code: 'TIMEOUT' });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
      await slow.close();
    }
    // The connection went back to the pool healthy.
    expect((await q('SELECT COUNT(*) FROM usersession')).status).toBe(200);
  });

  it('429 with Retry-After once a token exceeds its rate', async () => {
    const limited = await serve({ db: prisma, pool, redis, redisPrefix: `${redisPrefix.prefix}:rl`, rateLimit: { points: 2, durationSeconds: 60 }, now: () => NOW });
    try {
      const query = { query: 'SELECT COUNT(*) FROM usersession', ...FRAME };
      expect((await call(query, { server: limited })).status).toBe(200);
      expect((await call(query, { server: limited })).status).toBe(200);
      const third = await call(query, { server: limited });
      expect(third.status).toBe(429);
      expect(third.body.error?.code).toBe('RATE_LIMITED');
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      // Per token: another token still gets through.
      expect((await call(query, { server: limited, token: tokens.all })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

// ---------------------------------------------------------------- tenant isolation and injection

describe('tenant isolation', () => {
  const leakQueries = [
    'SELECT userSessionId, applicationId, userId, browserFamily FROM usersession',
    'SELECT applicationId, COUNT(*) FROM usersession GROUP BY applicationId',
    'SELECT name, usersession.applicationId, usersession.userId FROM useraction',
    'SELECT userId, useraction.name, useraction.duration FROM usersession',
    "SELECT userId FROM usersession WHERE useraction.name = 'evil' OR userId STARTSWITH 'evil'",
    `SELECT COUNT(*) FROM usersession WHERE applicationId = '__B__'`,
    `SELECT COUNT(*) FROM usersession WHERE applicationId = '__B__' OR applicationId != '__B__' OR isInvalid = true`,
    'SELECT DISTINCT KEYS(stringProperties), COUNT(*) FROM useraction',
    'SELECT stringProperties.payment_method, MAX(doubleProperties.cart_value) FROM useraction GROUP BY stringProperties.payment_method',
    'SELECT JSON FROM usersession',
    'SELECT MAX(duration), SUM(userActionCount), MAX(useraction.duration) FROM usersession',
    'SELECT TOP(browserFamily, 10), COUNT(*) FROM usersession GROUP BY browserFamily',
  ];

  it.each(leakQueries)('a token for A never sees B: %s', async (template) => {
    const query = template.replace(/__B__/g, appB);
    for (const path of ['/api/v1/usql/table', '/api/v1/usql/tree']) {
      const { status, body } = await call({ query, ...FRAME }, { path });
      if (path.endsWith('tree') && status === 400) continue;
      expect(status).toBe(200);
      const text = JSON.stringify(body);
      expect(text).not.toContain(appB);
      expect(text).not.toMatch(/evil|EvilBrowser|99999|1000000|"ZZ"/i);
    }
  });

  it('applicationId=B is refused for A whatever the query says', async () => {
    for (const query of ['SELECT COUNT(*) FROM usersession', `SELECT COUNT(*) FROM usersession WHERE applicationId = '${appB}'`]) {
      expect((await q(query, { applicationId: appB })).status).toBe(403);
    }
  });

  it('a token for all applications sees both, and narrows with applicationId', async () => {
    expect((await q('SELECT COUNT(*) FROM usersession', {}, )).body.values).toEqual([[4]]);
    expect((await call({ query: 'SELECT COUNT(*) FROM usersession', ...FRAME }, { token: tokens.all })).body.values).toEqual([[6]]);
    expect((await call({ query: 'SELECT COUNT(*) FROM usersession', ...FRAME, applicationId: appB }, { token: tokens.all })).body.values).toEqual([[2]]);
    expect((await call({ query: 'SELECT COUNT(*) FROM usersession', ...FRAME }, { token: tokens.b })).body.values).toEqual([[2]]);
  });
});

describe('injection through the query parameter', () => {
  const hostile = [
    "SELECT COUNT(*) FROM usersession WHERE country = '''; DROP TABLE session; --'",
    "SELECT COUNT(*) FROM usersession WHERE country = 'x'' OR ''1''=''1'",
    'SELECT COUNT(*) FROM usersession WHERE country = "x"" OR 1=1 --"',
    "SELECT COUNT(*) FROM usersession WHERE userId LIKE '%$1%' OR userId = '/* x */'",
    "SELECT COUNT(*) FROM usersession WHERE userId = E'\\\\'' OR true --'",
    "SELECT COUNT(*) FROM usersession WHERE userId = 'a\u0000b'",
    "SELECT COUNT(*) FROM usersession WHERE userId = $$x$$",
    'SELECT COUNT(*) FROM usersession; DELETE FROM session',
    'SELECT COUNT(*) FROM usersession WHERE 1 = 1',
    'SELECT COUNT(*) FROM usersession WHERE userId = userId',
    'SELECT COUNT(*) FROM usersession UNION SELECT COUNT(*) FROM usersession',
    'SELECT COUNT(*) FROM session',
    'SELECT COUNT(*) FROM usersession WHERE stringProperties."loyalty_tier\') OR true --" = \'x\'',
    "SELECT COUNT(*) FROM usersession WHERE duration > 99999999999999999999999999999999",
    "SELECT COUNT(*) FROM usersession WHERE ip BETWEEN '0.0.0.0' AND '255.255.255.255); DROP TABLE session; --'",
    'SELECT COUNT(*) FROM usersession /* comment */ WHERE country = \'US\' -- trailing',
  ];

  it.each(hostile)('answers 200 with an unaffected count or a USQL error: %s', async (query) => {
    const { status, body } = await q(query);
    if (status === 200) {
      const [[count]] = body.values as [[number]];
      expect([0, 2, 4]).toContain(count);
    } else {
      expect(status).toBe(400);
      expect(body.error?.code).toMatch(/^USQL_/);
      expect(body.error).toEqual({ code: expect.any(String), message: expect.any(String), line: expect.any(Number), column: expect.any(Number) });
    }
  });

  it('leaves the store untouched', async () => {
    expect(Number((await pool.query('SELECT count(*) AS n FROM session')).rows[0].n)).toBe(sessionRowsAtStart);
    expect((await q('SELECT COUNT(*) FROM usersession')).body.values).toEqual([[4]]);
  });

  it('treats a hostile applicationId as an ungranted id', async () => {
    for (const applicationId of [`${appA}' OR '1'='1`, `${appA}",""`, '*', '%']) {
      expect((await q('SELECT COUNT(*) FROM usersession', { applicationId })).status).toBe(403);
    }
  });
});
