import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TrailmarkError } from '@trailmark/errors';

export interface TRateLimitOptions {
  redis: Redis;
  keyPrefix: string;
  /** Beacons per application per window. */
  points: number;
  durationSeconds?: number;
}

export interface TApplicationRateLimiter {
  consume(applicationId: string): Promise<void>;
}

/**
 * Per-application beacon budget shared by every collector through Redis. If Redis is away the
 * in-memory insurance limiter takes over per instance: ingest keeps working, roughly limited.
 */
export function createApplicationRateLimiter(options: TRateLimitOptions): TApplicationRateLimiter {
  const duration = options.durationSeconds ?? 1;
  const limiter = new RateLimiterRedis({
    storeClient: options.redis,
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: options.keyPrefix, points: options.points, duration }),
  });
  return {
    async consume(applicationId) {
      try {
        await limiter.consume(applicationId, 1);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) return;
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new TrailmarkError('RATE_LIMITED', `application ${applicationId} sends more than ${options.points} beacons per ${duration} s`, {
          details: { retryAfterSeconds },
        });
      }
    },
  };
}
