import type { Job } from 'bullmq';
import type pg from 'pg';
import type { z } from 'zod';
import type { TDeliveryPolicy } from '@trailmark/exports';
import type { Logger } from '@trailmark/logger';
import type { TCloseBatcher } from '@trailmark/sessions';

/** What job handlers get; they never see BullMQ beyond the job's attempt count. */
export interface TJobContext {
  pool: pg.Pool;
  logger: Logger;
  closer: TCloseBatcher;
  deliveryPolicy: TDeliveryPolicy;
}

export interface TJobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  queue: string;
  schema: S;
  /** Thrown errors retry the job per its attempts/backoff. */
  handle(payload: z.infer<S>, context: TJobContext, job: Pick<Job, 'attemptsMade' | 'id'>): Promise<unknown>;
}

export function defineJob<S extends z.ZodType>(definition: TJobDefinition<S>): TJobDefinition<S> {
  return definition;
}
