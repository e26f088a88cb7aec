import { createPgPool } from '@trailmark/db';
import { createTestDatabase, type TTestDatabase } from '@trailmark/testing';
import type pg from 'pg';
import { closeExpiredSessions, closeSessions, getSessionDetail, listClosedSessions, listLiveSessions, pgReader } from './index';
import { countRows, insertApplication, insertEvents, typicalEvents } from './testing';

let database: TTestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPgPool(database.url, { max: 4 });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

const ago = (ms: number) => Date.now() - ms;

async function sessionRow(applicationId: string, sessionId: string) {
  const result = await pool.query('SELECT * FROM session WHERE application_id = $1 AND session_id = $2', [applicationId, sessionId]);
  return result.rows;
}

describe('closeSessions', () => {
  it('writes one summary with its children, however often the close runs', async () => {
    const app = await insertApplication(pool);
    await insertEvents(pool, { applicationId: app, sessionId: 's1' }, typicalEvents(ago(60_000), 10));
    const request = { applicationId: app, sessionId: 's1', reason: 'api' as const };
    const [first, second] = await Promise.all([closeSessions(pool, [request]), closeSessions(pool, [request, request])]);
    expect(first.closed.length + second.closed.length).toBe(1);
    await closeSessions(pool, [request]);
    const rows = await sessionRow(app, 's1');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ end_reason: 'api', navigation_count: 2, user_action_count: 2, error_js_count: 2, browser_name: 'Chrome', os_name: 'Windows', device_type: 'desktop', screen_width: 1920, window_height: 720, country: 'DE', is_invalid: false });
    expect(await countRows(pool, 'user_action', app)).toBe(2);
    expect(await countRows(pool, 'user_event', app)).toBe(4);
    expect(await countRows(pool, 'user_error', app)).toBe(2);
    expect(await countRows(pool, 'live_session', app)).toBe(0);
  });

  it('leaves a timeout close alone while the session had activity since, and says when it is due', async () => {
    const app = await insertApplication(pool, { sessionTimeoutMs: 1000 });
    await insertEvents(pool, { applicationId: app, sessionId: 's-active' }, typicalEvents(Date.now(), 3));
    const early = await closeSessions(pool, [{ applicationId: app, sessionId: 's-active', reason: 'timeout' }]);
    const live = await pool.query<{ last_ms: number }>('SELECT (extract(epoch FROM last_ts) * 1000)::float8 AS last_ms FROM live_session WHERE application_id = $1', [app]);
    expect(early).toMatchObject({ closed: [], notDue: [{ applicationId: app, sessionId: 's-active', dueAt: (live.rows[0]?.last_ms ?? Number.NaN) + 1000 }] });
    expect(await countRows(pool, 'live_session', app)).toBe(1);
    const late = await closeSessions(pool, [{ applicationId: app, sessionId: 's-active', reason: 'timeout' }], { now: Date.now() + 1100 });
    expect(late.closed).toHaveLength(1);
    expect((await sessionRow(app, 's-active'))[0]).toMatchObject({ end_reason: 'timeout' });
  });

  it('closes a session whose action name is as long as the beacon allows (8 KB of multi-byte text), keeping its first 500 characters', async () => {
    const app = await insertApplication(pool);
    // Varied CJK text: three bytes a character and not compressible, as a repeated character would be.
    const name = Array.from({ length: 8 * 1024 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join('');
    await insertEvents(pool, { applicationId: app, sessionId: 's-long' }, [{ type: 'user_action', ts: Date.now() - 5000, data: { name, action_type: 'custom', duration: 10 } }]);
    const result = await closeSessions(pool, [{ applicationId: app, sessionId: 's-long', reason: 'api' }]);
    expect(result.closed).toHaveLength(1);
    const stored = await pool.query<{ name: string }>('SELECT name FROM user_action WHERE application_id = $1', [app]);
    expect(stored.rows[0]?.name).toBe(name.slice(0, 500));
  });

  it('marks events arriving after the close late and keeps them out of the summary', async () => {
    const app = await insertApplication(pool);
    await insertEvents(pool, { applicationId: app, sessionId: 's-late' }, typicalEvents(ago(60_000), 5));
    await closeSessions(pool, [{ applicationId: app, sessionId: 's-late', reason: 'api' }]);
    await insertEvents(pool, { applicationId: app, sessionId: 's-late' }, [{ type: 'navigation', ts: ago(1000), receivedAt: Date.now() + 1000 }]);
    const again = await closeSessions(pool, [{ applicationId: app, sessionId: 's-late', reason: 'timeout' }], { now: Date.now() + 3_600_000 });
    expect(again).toMatchObject({ closed: [], alreadyClosed: 1 });
    const late = await pool.query('SELECT type FROM event WHERE application_id = $1 AND is_late', [app]);
    expect(late.rows).toEqual([{ type: 'navigation' }]);
    expect((await sessionRow(app, 's-late'))[0]).toMatchObject({ navigation_count: 1, end_reason: 'api' });
    const detail = await getSessionDetail(pgReader(pool), { applicationId: app, sessionId: 's-late' });
    expect(detail.events.filter((event) => event.is_late)).toHaveLength(1);
    expect(await countRows(pool, 'live_session', app)).toBe(0);
  });

  it('records duration_limit and user_change closes with the last user tag', async () => {
    const app = await insertApplication(pool);
    await insertEvents(pool, { applicationId: app, sessionId: 's-limit' }, typicalEvents(ago(60_000), 3));
    const events = typicalEvents(ago(60_000), 3).map((event, i) => ({ ...event, userTag: i === 0 ? 'alice' : 'bob' }));
    await insertEvents(pool, { applicationId: app, sessionId: 's-user' }, events);
    await closeSessions(pool, [
      { applicationId: app, sessionId: 's-limit', reason: 'duration_limit' },
      { applicationId: app, sessionId: 's-user', reason: 'user_change' },
    ]);
    expect((await sessionRow(app, 's-limit'))[0]).toMatchObject({ end_reason: 'duration_limit' });
    expect((await sessionRow(app, 's-user'))[0]).toMatchObject({ end_reason: 'user_change', user_tag: 'bob' });
    const tags = await pool.query(`SELECT name FROM user_event WHERE application_id = $1 AND type = 'UserTag' ORDER BY start_time`, [app]);
    expect(tags.rows.map((row) => row.name)).toEqual(['alice', 'bob']);
  });

  it('summarises a one-ping session as invalid and a session with an implausible clock as invalid', async () => {
    const app = await insertApplication(pool);
    await insertEvents(pool, { applicationId: app, sessionId: 's-ping' }, [{ type: 'request', ts: ago(5000) }]);
    await insertEvents(pool, { applicationId: app, sessionId: 's-clock' }, [{ type: 'navigation', ts: Date.UTC(1999, 0, 1) }, { type: 'navigation', ts: ago(1000) }]);
    await closeSessions(pool, [
      { applicationId: app, sessionId: 's-ping', reason: 'api' },
      { applicationId: app, sessionId: 's-clock', reason: 'api' },
    ]);
    expect((await sessionRow(app, 's-ping'))[0]).toMatchObject({ is_invalid: true, request_count: 1 });
    expect((await sessionRow(app, 's-clock'))[0]).toMatchObject({ is_invalid: true });
    const page = await listClosedSessions(pgReader(pool), { applicationId: app });
    expect(page.items).toHaveLength(0);
    expect((await listClosedSessions(pgReader(pool), { applicationId: app, includeInvalid: true })).items).toHaveLength(2);
  });

  it('aggregates session properties and keeps longs beyond 2^53 exact', async () => {
    const app = await insertApplication(pool);
    await pool.query(
      `INSERT INTO property_definition (id, application_id, key, key_lower, scope, data_type, session_aggregation)
       VALUES ('d1', $1, 'cart_total', 'cart_total', 'session', 'long', 'sum'), ('d2', $1, 'plan', 'plan', 'both', 'string', 'last')`,
      [app],
    );
    await insertEvents(pool, { applicationId: app, sessionId: 's-props' }, [
      { type: 'navigation', ts: ago(3000), sessionProperties: { cart_total: 9007199254740993n, plan: 'free' } },
      { type: 'session_property', ts: ago(2000), sessionProperties: { cart_total: 1, plan: 'pro' } },
    ]);
    await closeSessions(pool, [{ applicationId: app, sessionId: 's-props', reason: 'api' }]);
    const stored = await pool.query(`SELECT properties::text AS text FROM session WHERE application_id = $1`, [app]);
    expect(stored.rows[0].text).toBe('{"plan": "pro", "cart_total": 9007199254740994}');
  });
});

describe('closeExpiredSessions (the sweeper and CLI path)', () => {
  it('closes exactly the sessions past their timeout or max duration, in batches', async () => {
    const app = await insertApplication(pool, { sessionTimeoutMs: 1000, maxSessionDurationMs: 60_000 });
    for (let i = 0; i < 7; i += 1) await insertEvents(pool, { applicationId: app, sessionId: `old-${i}` }, typicalEvents(ago(5000), 4));
    await insertEvents(pool, { applicationId: app, sessionId: 'fresh' }, typicalEvents(Date.now(), 2));
    await insertEvents(pool, { applicationId: app, sessionId: 'long' }, [{ type: 'navigation', ts: ago(70_000) }, { type: 'navigation', ts: Date.now() }]);
    const result = await closeExpiredSessions(pool, { batchSize: 3, parallel: 2 });
    expect(result.closed).toBeGreaterThanOrEqual(8);
    expect(await countRows(pool, 'session', app)).toBe(8);
    expect((await sessionRow(app, 'long'))[0]).toMatchObject({ end_reason: 'duration_limit' });
    expect((await sessionRow(app, 'old-0'))[0]).toMatchObject({ end_reason: 'timeout' });
    const live = await listLiveSessions(pgReader(pool), { applicationId: app });
    expect(live.items.map((item) => [item.session_id, item.provisional, item.event_count])).toEqual([['fresh', true, 2]]);
    expect(live.items[0]).toMatchObject({ navigation_count: 1, user_action_count: 1 });
  });
});
