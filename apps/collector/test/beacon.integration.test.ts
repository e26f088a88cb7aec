import { gzipSync } from 'node:zlib';
import { jsonOf, postBeacon, specBeaconFor, startCollector, type THarness } from './harness';

let h: THarness;
let app: { id: string; ingestKey: string };

beforeAll(async () => {
  h = await startCollector();
  app = await h.createApp(['https://shop.example']);
  await h.define(app.id, { key: 'cart_value', dataType: 'double', scope: 'event' });
  await h.define(app.id, { key: 'payment_method', dataType: 'string', scope: 'event', maxLength: 3 });
  await h.define(app.id, { key: 'loyalty_tier', dataType: 'string', scope: 'session' });
});
afterAll(() => h.close());

async function eventsOf(session: string) {
  const { rows } = await h.sql.query('SELECT event_id, type, ts, properties, session_properties, data, url, user_tag FROM event WHERE application_id = $1 AND session_id = $2 ORDER BY event_id', [app.id, session]);
  return rows;
}

describe('POST /api/v1/beacon', () => {
  it('stores the §7 example with typed properties and explains its drops (202)', async () => {
    const beacon = specBeaconFor(app.id, 's-spec');
    const res = await postBeacon(h.url, beacon, { key: app.ingestKey });
    expect(res.status).toBe(202);
    expect(await jsonOf(res)).toEqual({
      accepted: 6,
      duplicates: 0,
      dropped: [{ event: 'e-5', key: 'basket_items', reason: 'undefined_key' }],
    });
    const rows = await eventsOf('s-spec');
    expect(rows.map((row) => row.event_id)).toEqual(['e-1', 'e-2', 'e-3', 'e-4', 'e-5', 'e-6']);
    expect(rows[1]).toMatchObject({ type: 'user_action', properties: { cart_value: 129.5, payment_method: 'car' }, user_tag: 'ana@example.com' });
    expect(rows[4]?.session_properties).toEqual({ loyalty_tier: 'gold' });
    expect(rows[0]?.data).toMatchObject({ timings: { ttfb: 120 }, title: 'Cart' });
    const live = await h.sql.query('SELECT event_count, screen, window_size, ip, user_tag FROM live_session WHERE application_id = $1 AND session_id = $2', [app.id, 's-spec']);
    expect(live.rows[0]).toMatchObject({ event_count: 6, screen: '1920x1080', window_size: '1280x720', ip: '127.0.0.0', user_tag: 'ana@example.com' });
  });

  it('corrects the client clock by sent_at', async () => {
    const beacon = specBeaconFor(app.id, 's-clock', Date.now() - 3_600_000);
    const before = Date.now();
    expect((await postBeacon(h.url, beacon, { key: app.ingestKey, keyIn: 'header' })).status).toBe(202);
    const [first] = await eventsOf('s-clock');
    const skew = (first.ts as Date).getTime() - ((beacon.events[0]?.ts ?? 0) + 3_600_000);
    expect(Math.abs(skew)).toBeLessThan(Date.now() - before + 50);
  });

  it('de-duplicates a retried beacon by event id', async () => {
    const beacon = specBeaconFor(app.id, 's-dup');
    expect(await jsonOf(await postBeacon(h.url, beacon, { key: app.ingestKey }))).toMatchObject({ accepted: 6, duplicates: 0 });
    expect(await jsonOf(await postBeacon(h.url, beacon, { key: app.ingestKey }))).toMatchObject({ accepted: 0, duplicates: 6 });
    expect(await eventsOf('s-dup')).toHaveLength(6);
    const live = await h.sql.query('SELECT event_count FROM live_session WHERE application_id = $1 AND session_id = $2', [app.id, 's-dup']);
    expect(live.rows[0].event_count).toBe(6);
  });

  it('counts a partly retried beacon: the stored events as duplicates, the new ones as accepted', async () => {
    const beacon = specBeaconFor(app.id, 's-partial');
    const firstTwo = { ...beacon, events: beacon.events.slice(0, 2) };
    expect(await jsonOf(await postBeacon(h.url, firstTwo, { key: app.ingestKey }))).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(await jsonOf(await postBeacon(h.url, beacon, { key: app.ingestKey }))).toMatchObject({ accepted: 4, duplicates: 2 });
    expect(await eventsOf('s-partial')).toHaveLength(6);
  });

  it('gives each event of copies sent at once to exactly one of them', async () => {
    const beacon = specBeaconFor(app.id, 's-copies');
    const answers = await Promise.all(Array.from({ length: 4 }, async () => jsonOf(await postBeacon(h.url, beacon, { key: app.ingestKey }))));
    const accepted = answers.map((answer) => Number(answer['accepted']));
    expect(accepted.reduce((sum, n) => sum + n, 0)).toBe(6);
    expect(answers.map((answer) => Number(answer['accepted']) + Number(answer['duplicates']))).toEqual([6, 6, 6, 6]);
    const live = await h.sql.query('SELECT event_count FROM live_session WHERE application_id = $1 AND session_id = $2', [app.id, 's-copies']);
    expect(live.rows[0].event_count).toBe(6);
  });

  it('accepts gzip and refuses bad gzip with 400', async () => {
    const beacon = specBeaconFor(app.id, 's-gzip');
    const ok = await postBeacon(h.url, beacon, { key: app.ingestKey, headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' }, body: gzipSync(JSON.stringify(beacon)) });
    expect(ok.status).toBe(202);
    const bad = await postBeacon(h.url, beacon, { key: app.ingestKey, headers: { 'content-encoding': 'gzip' }, body: 'not gzip at all' });
    expect(bad.status).toBe(400);
    expect((await jsonOf(bad)).issues[0]).toMatchObject({ path: 'body', rule: 'gzip' });
  });

  it('answers 400 with the path and rule of the first problems', async () => {
    const beacon = specBeaconFor(app.id);
    (beacon.events[2] as Record<string, unknown>)['status'] = 'oops';
    const res = await postBeacon(h.url, beacon, { key: app.ingestKey });
    expect(res.status).toBe(400);
    const body = await jsonOf(res);
    expect(body.code).toBe('VALIDATION');
    expect(body.issues[0]).toMatchObject({ path: 'events.2.status', rule: 'invalid_type' });
  });

  it('answers 401 for a missing or unknown key, or a key of another app', async () => {
    expect((await postBeacon(h.url, specBeaconFor(app.id))).status).toBe(401);
    expect((await postBeacon(h.url, specBeaconFor(app.id), { key: 'tmk_nope' })).status).toBe(401);
    const other = await h.createApp();
    const res = await postBeacon(h.url, specBeaconFor(app.id), { key: other.ingestKey });
    expect(res.status).toBe(401);
    expect((await jsonOf(res)).issues[0]?.path).toBe('app');
  });

  it('answers 403 for an origin not allowed, with CORS for allowed ones and preflights', async () => {
    const denied = await postBeacon(h.url, specBeaconFor(app.id), { key: app.ingestKey, headers: { origin: 'https://evil.example' } });
    expect(denied.status).toBe(403);
    const allowed = await postBeacon(h.url, specBeaconFor(app.id), { key: app.ingestKey, headers: { origin: 'https://shop.example' } });
    expect(allowed.status).toBe(202);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const preflight = await fetch(`${h.url}/api/v1/beacon?key=${app.ingestKey}`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-trailmark-key');
    const badPreflight = await fetch(`${h.url}/api/v1/beacon?key=${app.ingestKey}`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(badPreflight.status).toBe(403);
  });

  it('allows every origin only when "*" is configured', async () => {
    const open = await h.createApp(['*']);
    const res = await postBeacon(h.url, specBeaconFor(open.id), { key: open.ingestKey, headers: { origin: 'https://any.example' } });
    expect(res.status).toBe(202);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 413 past 256 KB, also for a gzip bomb', async () => {
    const big = 'x'.repeat(300 * 1024);
    expect((await postBeacon(h.url, null, { key: app.ingestKey, body: big })).status).toBe(413);
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20));
    expect((await postBeacon(h.url, null, { key: app.ingestKey, body: bomb, headers: { 'content-encoding': 'gzip' } })).status).toBe(413);
  });

  it('answers 400 for more than 500 events', async () => {
    const beacon = specBeaconFor(app.id);
    const events = Array.from({ length: 501 }, (_, i) => ({ id: `m-${i}`, type: 'page_summary', ts: beacon.sent_at }));
    const res = await postBeacon(h.url, { ...beacon, events }, { key: app.ingestKey });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).issues[0]).toMatchObject({ path: 'events', rule: 'max_events' });
  });

  it('answers 415 for another content type', async () => {
    const res = await postBeacon(h.url, specBeaconFor(app.id), { key: app.ingestKey, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
  });

  it('counts drops per (application, key, reason) in drop_counter', async () => {
    await h.ingest.drops.flush();
    const { rows } = await h.sql.query('SELECT key, reason, count FROM drop_counter WHERE application_id = $1', [app.id]);
    expect(rows).toEqual([{ key: 'basket_items', reason: 'undefined_key', count: expect.any(String) }]);
    expect(Number(rows[0].count)).toBeGreaterThanOrEqual(5);
  });

  it('sees a new definition within about a second', async () => {
    const beacon = specBeaconFor(app.id, 's-def');
    await h.define(app.id, { key: 'basket_items', dataType: 'long', scope: 'session' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const body = await jsonOf(await postBeacon(h.url, beacon, { key: app.ingestKey }));
    expect(body.dropped).toEqual([]);
    const rows = await eventsOf('s-def');
    expect(rows[4]?.session_properties).toEqual({ loyalty_tier: 'gold', basket_items: 3 });
  });

  it('schedules the session close after commit (session_end → api)', async () => {
    const job = await waitForCloseJob('s-spec');
    expect(job).toMatchObject({ reason: 'api' });
  });

  it('exposes metrics and probes', async () => {
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toContain('trailmark_ingest_accepted_events_total');
    expect(metrics).toContain('trailmark_ingest_rejected_beacons_total{code="UNAUTHENTICATED"}');
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await jsonOf(ready)).checks).toMatchObject({ database: { ok: true }, redis: { ok: true } });
  });
});

async function waitForCloseJob(session: string): Promise<Record<string, unknown> | null> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const keys = await h.redis.keys(`${h.redisPrefix.prefix}:session-close:*`);
    for (const key of keys) {
      const type = await h.redis.type(key);
      if (type !== 'hash') continue;
      const data = await h.redis.hget(key, 'data');
      if (data && data.includes(`"sessionId":"${session}"`)) return JSON.parse(data) as Record<string, unknown>;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}
