import { z } from 'zod';
import { ZWorkerEnv, loadEnv } from '@trailmark/config';
import { DEFAULT_DELIVERY_POLICY } from '@trailmark/exports';
import { DEFAULT_QUEUE_PREFIX } from '@trailmark/jobs';

const ms = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** The worker's environment: SPEC §14 plus tuning knobs that tests shorten. */
export const ZWorkerAppEnv = ZWorkerEnv.extend({
  QUEUE_PREFIX: z.string().min(1).default(DEFAULT_QUEUE_PREFIX),
  WORKER_SWEEP_INTERVAL_MS: ms(30_000),
  /** How soon a job of a killed worker is picked up again. */
  WORKER_STALLED_INTERVAL_MS: ms(30_000),
  EXPORT_POLL_INTERVAL_MS: ms(1000),
  EXPORT_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(DEFAULT_DELIVERY_POLICY.attempts),
  EXPORT_BACKOFF_MS: ms(DEFAULT_DELIVERY_POLICY.backoffMs),
  EXPORT_TIMEOUT_MS: ms(DEFAULT_DELIVERY_POLICY.timeoutMs),
  EXPORT_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
});

export type TWorkerAppEnv = z.infer<typeof ZWorkerAppEnv>;

export function loadWorkerEnv(): TWorkerAppEnv {
  return loadEnv(ZWorkerAppEnv);
}
