import { Redis } from 'ioredis';
import { createTestRedisPrefix } from './test-redis';

describe('createTestRedisPrefix', () => {
  it('cleans up only the keys under its own prefix', async () => {
    const mine = createTestRedisPrefix();
    const other = createTestRedisPrefix();
    expect(mine.prefix).not.toBe(other.prefix);
    const redis = new Redis(mine.redisUrl);
    try {
      await redis.set(`${mine.prefix}:a`, '1');
      await redis.hset(`${mine.prefix}:queue:b`, 'f', 'v');
      await redis.set(`${other.prefix}:a`, '1');
      await mine.cleanup();
      expect(await redis.exists(`${mine.prefix}:a`, `${mine.prefix}:queue:b`)).toBe(0);
      expect(await redis.exists(`${other.prefix}:a`)).toBe(1);
      await other.cleanup();
    } finally {
      await redis.quit();
    }
  });
});
