import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCountryLookup } from '@trailmark/ingest';
import { jsonOf, postBeacon, specBeaconFor, startCollector, type THarness } from './harness';
import { buildCountryMmdb } from './tiny-mmdb';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('collector: rate limit, config, geoip, sessions', () => {
  let h: THarness;
  let app: { id: string; ingestKey: string };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-geo-'));
    const file = join(dir, 'country.mmdb');
    writeFileSync(file, buildCountryMmdb(127, 'NZ'));
    h = await startCollector({ rateLimitPerSecond: 5, countries: await openCountryLookup(file) });
    app = await h.createApp(['https://shop.example'], { ipAnonymisation: 'none' });
    await h.define(app.id, { key: 'plan', dataType: 'string', scope: 'session', source: 'cookie', expression: 'plan', maxLength: 20, cleanupRule: '^(\\w+)' });
  });
  afterAll(() => h.close());

  it('answers 429 with Retry-After past the per-application rate', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i += 1) {
      const res = await postBeacon(h.url, specBeaconFor(app.id), { key: app.ingestKey });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(5);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    await sleep(1100);
  });

  it('looks the country up in a MaxMind database and keeps the IP per setting', async () => {
    expect((await postBeacon(h.url, specBeaconFor(app.id, 's-geo'), { key: app.ingestKey })).status).toBe(202);
    const { rows } = await h.sql.query('SELECT country, ip FROM live_session WHERE application_id = $1 AND session_id = $2', [app.id, 's-geo']);
    expect(rows[0]).toEqual({ country: 'NZ', ip: '127.0.0.1' });
  });

  it('serves the capture config with an ETag and 304 on revalidation', async () => {
    const res = await fetch(`${h.url}/api/v1/config/${app.id}`, { headers: { origin: 'https://shop.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('max-age');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const body = await jsonOf(res);
    expect(body.definitions).toEqual([
      { key: 'plan', scope: 'session', type: 'string', source: 'cookie', expression: 'plan', maxLength: 20, cleanupRule: '^(\\w+)', honourDnt: true },
    ]);
    expect(body.settings).toMatchObject({ sessionTimeoutMs: 1_800_000, honourDnt: true });
    const etag = res.headers.get('etag') as string;
    const again = await fetch(`${h.url}/api/v1/config/${app.id}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect((await fetch(`${h.url}/api/v1/config/nope`)).status).toBe(404);
    expect((await fetch(`${h.url}/api/v1/config/${app.id}`, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('a rotated key is refused within about a second', async () => {
    const other = await h.createApp();
    expect((await postBeacon(h.url, specBeaconFor(other.id), { key: other.ingestKey })).status).toBe(202);
    await h.prisma.application.update({ where: { id: other.id }, data: { ingestKey: 'tmk_rotated_for_test', configVersion: { increment: 1 } } });
    await sleep(1100);
    expect((await postBeacon(h.url, specBeaconFor(other.id), { key: other.ingestKey })).status).toBe(401);
    expect((await postBeacon(h.url, specBeaconFor(other.id), { key: 'tmk_rotated_for_test' })).status).toBe(202);
  });

  it('schedules timeout closes, and closes on a user-tag change or the max duration', async () => {
    const short = await h.createApp([], { sessionTimeoutMs: 60_000, maxSessionDurationMs: 120_000 });
    const now = Date.now();
    const navigation = (id: string, ts: number) => ({ id, type: 'navigation', ts });
    const base = { v: 1, app: short.id, instance: 'i-1', seq: 0, sent_at: now };
    await postBeacon(h.url, { ...base, session: 's-idle', events: [navigation('n1', now)] }, { key: short.ingestKey });
    await postBeacon(h.url, { ...base, session: 's-user', user_tag: 'ana', events: [navigation('n1', now)] }, { key: short.ingestKey });
    await postBeacon(h.url, { ...base, session: 's-user', user_tag: 'bob', events: [navigation('n2', now + 1)] }, { key: short.ingestKey });
    await postBeacon(h.url, { ...base, session: 's-long', events: [navigation('n1', now - 200_000), navigation('n2', now)] }, { key: short.ingestKey });
    expect(await closeJob(h, 's-idle')).toMatchObject({ reason: 'timeout', delay: 60_000 });
    expect(await closeJob(h, 's-user')).toMatchObject({ reason: 'user_change', delay: 0 });
    expect(await closeJob(h, 's-long')).toMatchObject({ reason: 'duration_limit', delay: 0 });
  });
});

async function closeJob(h: THarness, session: string): Promise<{ reason: string; delay: number } | null> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const keys = await h.redis.keys(`${h.redisPrefix.prefix}:session-close:*`);
    for (const key of keys) {
      if ((await h.redis.type(key)) !== 'hash') continue;
      const [data, opts] = await h.redis.hmget(key, 'data', 'opts');
      if (!data?.includes(`"sessionId":"${session}"`)) continue;
      return { reason: (JSON.parse(data) as { reason: string }).reason, delay: Number((JSON.parse(opts ?? '{}') as { delay?: number }).delay ?? 0) };
    }
    await sleep(100);
  }
  return null;
}
