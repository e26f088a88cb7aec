import pg from 'pg';
import { createPrismaClient } from '@trailmark/db';
import { createApplication } from '@trailmark/services';
import { createTestDatabase, createTestRedisPrefix } from '@trailmark/testing';
import { buildCollector, freePort, startChildCollector, type TChildCollector } from './child-collector';

jest.setTimeout(90_000);

const EVENTS_PER_BEACON = 10;

function beaconOf(app: string, sender: number, n: number) {
  const now = Date.now();
  return {
    v: 1, app, session: `dur-${sender}`, instance: 'i-1', seq: n, sent_at: now,
    events: Array.from({ length: EVENTS_PER_BEACON }, (_, i) => ({ id: `b${n}-e${i}`, type: 'user_action', ts: now, action_type: 'custom', name: 'tick', duration: i })),
  };
}

beforeAll(() => buildCollector());

describe('durability', () => {
  it('keeps every acknowledged event exactly once across a SIGKILL mid-stream', async () => {
    const database = await createTestDatabase();
    const redis = createTestRedisPrefix();
    const prisma = createPrismaClient(database.url);
    const sql = new pg.Pool({ connectionString: database.url, max: 2 });
    const app = await createApplication(prisma, { name: 'durable' });
    const port = await freePort();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.redisUrl,
      TRAILMARK_SECRET: 'durability-test-secret'.padEnd(40, 'x'),
      COLLECTOR_REDIS_PREFIX: redis.prefix,
      QUEUE_PREFIX: redis.prefix,
    };
    let collector: TChildCollector = await startChildCollector(env, port);
    const acked = new Set<string>();
    const unacked = new Map<string, ReturnType<typeof beaconOf>>();
    let running = true;

    const send = async (beacon: ReturnType<typeof beaconOf>) => {
      const id = `${beacon.session}/${beacon.seq}`;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/beacon?key=${app.ingestKey}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(beacon) });
        if (res.status === 202) {
          await res.json();
          beacon.events.forEach((event) => acked.add(`${beacon.session}/${event.id}`));
          unacked.delete(id);
          return;
        }
      } catch {
        // connection refused or reset: not acknowledged
      }
      unacked.set(id, beacon);
    };
    const sender = async (index: number) => {
      for (let n = 0; running; n += 1) {
        await send(beaconOf(app.id, index, n));
        if (unacked.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const senders = Array.from({ length: 6 }, (_, i) => sender(i));

    await new Promise((resolve) => setTimeout(resolve, 1500));
    const ackedBeforeKill = acked.size;
    collector.process.kill('SIGKILL');
    await collector.exited;
    await new Promise((resolve) => setTimeout(resolve, 300));
    collector = await startChildCollector(env, port);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    running = false;
    await Promise.all(senders);
    // The SDK retries what was not acknowledged; duplicates of what did land are harmless.
    for (const beacon of [...unacked.values()]) await send(beacon);

    try {
      expect(ackedBeforeKill).toBeGreaterThan(100);
      expect(unacked.size).toBe(0);
      const { rows } = await sql.query<{ session_id: string; event_id: string; n: number }>(
        'SELECT session_id, event_id, count(*)::int AS n FROM event WHERE application_id = $1 GROUP BY 1, 2',
        [app.id],
      );
      const stored = new Map(rows.map((row) => [`${row.session_id}/${row.event_id}`, row.n]));
      const missing = [...acked].filter((key) => !stored.has(key));
      expect(missing).toEqual([]);
      expect(rows.every((row) => row.n === 1)).toBe(true);
      const live = await sql.query<{ total: number }>('SELECT sum(event_count)::int AS total FROM live_session WHERE application_id = $1', [app.id]);
      expect(live.rows[0]?.total).toBe(rows.length);
      // A graceful stop drains the writer and the drop counters and exits cleanly.
      collector.process.kill('SIGTERM');
      expect(await collector.exited).toBe(0);
    } finally {
      collector.process.kill('SIGTERM');
      await collector.exited;
      await sql.end();
      await prisma.$disconnect();
      await redis.cleanup();
      await database.drop();
    }
  });
});
