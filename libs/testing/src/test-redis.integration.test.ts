import { Redis } from 'ioredis';
import { createTestRedisPrefix } from './test-redis';

describe('createTestRedisPrefix', () => {
  it('cleans up only the keys under its own prefix, hash-tagged ones too', async () => {
    const mine = createTestRedisPrefix();
    const other = createTestRedisPrefix();
    expect(mine.prefix).not.toBe(other.prefix);
    const redis = new Redis(mine.redisUrl);
    try {
      await redis.set(`${mine.prefix}:a`, '1');
      await redis.hset(`${mine.prefix}:queue:b`, 'f', 'v');
      await redis.set(`{${mine.prefix}}:session-close:1`, '1');
      await redis.set(`${other.prefix}:a`, '1');
      await redis.set(`{${other.prefix}}:session-close:1`, '1');
      await mine.cleanup();
      expect(await redis.exists(`${mine.prefix}:a`, `${mine.prefix}:queue:b`, `{${mine.prefix}}:session-close:1`)).toBe(0);
      expect(await redis.exists(`${other.prefix}:a`, `{${other.prefix}}:session-close:1`)).toBe(2);
      await other.cleanup();
    } finally {
      await redis.quit();
    }
  });
});
