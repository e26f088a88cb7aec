import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const SCAN_BATCH = 500;

export interface TTestRedisPrefix {
  /** Use as the key (or BullMQ `prefix`) of everything the test writes. */
  prefix: string;
  redisUrl: string;
  /** Deletes every key starting with `prefix`, or with `{prefix}` (the prefix as a Redis Cluster hash tag, as BullMQ queues use it). */
  cleanup(): Promise<void>;
}

async function deleteKeysWithPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    for (const pattern of [`${prefix}*`, `{${prefix}}*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_BATCH);
        if (keys.length > 0) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    await redis.quit();
  }
}

export function createTestRedisPrefix(): TTestRedisPrefix {
  const redisUrl = process.env.TEST_REDIS_URL ?? DEFAULT_REDIS_URL;
  const prefix = `trailmark-test-${process.pid}-${randomBytes(5).toString('hex')}`;
  return { prefix, redisUrl, cleanup: () => deleteKeysWithPrefix(redisUrl, prefix) };
}
