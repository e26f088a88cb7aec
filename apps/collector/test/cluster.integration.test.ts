import { createPrismaClient } from '@trailmark/db';
import { createApplication } from '@trailmark/services';
import { createTestDatabase, createTestRedisPrefix } from '@trailmark/testing';
import { buildCollector, freePort, startChildCollector } from './child-collector';

jest.setTimeout(60_000);

beforeAll(() => buildCollector());

const acceptedTotal = (metrics: string) => Number(/^trailmark_ingest_accepted_events_total\{[^}]*\} (\S+)$/m.exec(metrics)?.[1] ?? 0);

describe('a collector of two cluster workers', () => {
  it('answers /metrics for the whole cluster whichever worker takes the scrape', async () => {
    const database = await createTestDatabase();
    const redis = createTestRedisPrefix();
    const prisma = createPrismaClient(database.url);
    const app = await createApplication(prisma, { name: 'clustered' });
    const collector = await startChildCollector(
      {
        DATABASE_URL: database.url,
        REDIS_URL: redis.redisUrl,
        TRAILMARK_SECRET: 'cluster-test-secret'.padEnd(40, 'x'),
        COLLECTOR_REDIS_PREFIX: redis.prefix,
        QUEUE_PREFIX: redis.prefix,
        COLLECTOR_WORKERS: '2',
      },
      await freePort(),
    );
    try {
      // A new connection per request: the primary hands connections to the workers in turn, so each takes some.
      for (let n = 0; n < 8; n += 1) {
        const now = Date.now();
        const beacon = { v: 1, app: app.id, session: `c-${n}`, instance: 'i', seq: 1, sent_at: now, events: [{ id: 'e', type: 'user_action', ts: now, action_type: 'custom', name: 'tick', duration: 1 }] };
        const res = await fetch(`${collector.url}/api/v1/beacon?key=${app.ingestKey}`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify(beacon) });
        expect(res.status).toBe(202);
      }
      const scrapes = await Promise.all(Array.from({ length: 6 }, async () => (await fetch(`${collector.url}/metrics`, { headers: { connection: 'close' } })).text()));
      expect(scrapes.map(acceptedTotal)).toEqual([8, 8, 8, 8, 8, 8]);
    } finally {
      collector.process.kill('SIGTERM');
      await collector.exited;
      await prisma.$disconnect();
      await redis.cleanup();
      await database.drop();
    }
  });
});
