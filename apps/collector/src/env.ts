import { ZCollectorEnv, loadEnv } from '@trailmark/config';
import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** The collector's settings: the shared schema plus the knobs only the collector has. */
export const ZCollectorAppEnv = ZCollectorEnv.extend({
  /** Take the client IP from X-Forwarded-For (only behind a trusted proxy). */
  COLLECTOR_TRUST_PROXY: flag.default(false),
  COLLECTOR_RATE_LIMIT_PER_SEC: z.coerce.number().int().min(1).default(5000),
  COLLECTOR_PG_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(8),
  COLLECTOR_PG_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  COLLECTOR_COMMIT_WINDOW_MS: z.coerce.number().min(0).max(100).default(3),
  /** Group commits in flight at once (each holds one pool connection while it runs). */
  COLLECTOR_COMMIT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /**
   * Processes (node:cluster workers) serving the port. Default 1: on a 2-core host shared with
   * Postgres and the load driver, 2 workers measured 60% more CPU per event (bench:ingest).
   */
  COLLECTOR_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Prefix of the collector's Redis keys (BullMQ queues keep their own hash-tagged prefix). */
  COLLECTOR_REDIS_PREFIX: z.string().min(1).default('trailmark'),
  COLLECTOR_QUEUE_PREFIX: z.string().min(1).optional(),
});
export type TCollectorAppEnv = z.infer<typeof ZCollectorAppEnv>;

export function readEnv(): TCollectorAppEnv {
  return loadEnv(ZCollectorAppEnv);
}
