import { ZCollectorEnv, loadEnv } from '@trailmark/config';
import { DEFAULT_QUEUE_PREFIX } from '@trailmark/jobs';
import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** The collector's settings: the shared schema plus the knobs only the collector has. */
export const ZCollectorAppEnv = ZCollectorEnv.extend({
  /** Take the client IP from X-Forwarded-For (only behind a trusted proxy). */
  COLLECTOR_TRUST_PROXY: flag.default(false),
  COLLECTOR_RATE_LIMIT_PER_SEC: z.coerce.number().int().min(1).default(5000),
  COLLECTOR_PG_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(8),
  COLLECTOR_PG_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  /**
   * How long an idle keep-alive connection stays open. Above the usual load balancer idle timeout
   * (60 s), so the collector never closes a connection the balancer is about to reuse; node's 5 s
   * default made clients reconnect after every pause.
   */
  COLLECTOR_KEEP_ALIVE_MS: z.coerce.number().int().min(1000).max(600_000).default(65_000),
  /** How long a beacon waits at most for others to join its group commit, counted from its arrival (a commit in flight uses it up). */
  COLLECTOR_COMMIT_WINDOW_MS: z.coerce.number().min(0).max(100).default(3),
  /**
   * Group commits in flight at once per worker (each holds one pool connection while it runs).
   * One runs at a time while commits take their usual time; the others start only when every
   * commit in flight has run over twice the recent mean, so a stalled one does not hold up the
   * beacons behind it (libs/ingest createEventWriter).
   */
  COLLECTOR_COMMIT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /**
   * Processes (node:cluster workers) serving the port. Default 2: one worker saturates its core
   * (bench:ingest on 2 cores, with Postgres on the same host: 31,675 events/s with one, 34–46k
   * with two when that was measured). Raise it with the cores, keeping workers ×
   * COLLECTOR_PG_POOL_SIZE within Postgres' max_connections.
   */
  COLLECTOR_WORKERS: z.coerce.number().int().min(1).max(64).default(2),
  /** Prefix of the collector's Redis keys (BullMQ queues keep their own hash-tagged prefix). */
  COLLECTOR_REDIS_PREFIX: z.string().min(1).default('trailmark'),
  /** Prefix of the BullMQ queues, the same variable and default as the worker's: they must agree. */
  QUEUE_PREFIX: z.string().min(1).default(DEFAULT_QUEUE_PREFIX),
});
export type TCollectorAppEnv = z.infer<typeof ZCollectorAppEnv>;

export function readEnv(): TCollectorAppEnv {
  return loadEnv(ZCollectorAppEnv);
}
