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

/** A handler's answer that its job is not done yet: the same job runs again at `runAgainAt` (epoch ms), using no attempt. */
export interface TRunAgain {
  runAgainAt: number;
}

export const runAgainAt = (at: number): TRunAgain => ({ runAgainAt: at });

export function isRunAgain(result: unknown): result is TRunAgain {
  return typeof result === 'object' && result !== null && typeof (result as Partial<TRunAgain>).runAgainAt === 'number';
}

export interface TJobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  queue: string;
  schema: S;
  /** Thrown errors retry the job per its attempts/backoff; a `runAgainAt` answer delays it instead of completing it. */
  handle(payload: z.infer<S>, context: TJobContext, job: Pick<Job, 'attemptsMade' | 'id'>): Promise<unknown>;
}

export function defineJob<S extends z.ZodType>(definition: TJobDefinition<S>): TJobDefinition<S> {
  return definition;
}
