import { Queue } from 'bullmq';
import type { ConnectionOptions } from 'bullmq';
import { JOB_DEFINITIONS, DEFAULT_QUEUE_PREFIX } from './definitions';
import type { TJobName, TJobPayload } from './definitions';

export interface TEnqueueOptions {
  /** A stable id: enqueuing the same id again re-schedules that one job instead of adding another. */
  dedupId?: string;
  delayMs?: number;
}

/** What request code sees of the queue: it never touches BullMQ directly. */
export interface TJobProducer {
  enqueue<N extends TJobName>(name: N, payload: TJobPayload<N>, options?: TEnqueueOptions): Promise<void>;
  close(): Promise<void>;
}

export function createJobProducer(connection: ConnectionOptions, prefix = DEFAULT_QUEUE_PREFIX): TJobProducer {
  const queues = new Map<string, Queue>();
  const queueFor = (name: TJobName): Queue => {
    const queueName = JOB_DEFINITIONS[name].queue;
    let queue = queues.get(queueName);
    if (!queue) {
      queue = new Queue(queueName, { connection, prefix });
      queues.set(queueName, queue);
    }
    return queue;
  };
  return {
    async enqueue(name, payload, options = {}) {
      const data = JOB_DEFINITIONS[name].schema.parse(payload);
      const delay = options.delayMs ?? 0;
      await queueFor(name).add(name, data, {
        delay,
        // Debounce: a newer schedule for the same session replaces the pending one and its delay.
        ...(options.dedupId ? { deduplication: { id: options.dedupId, ttl: Math.max(delay, 1), extend: true, replace: true } } : {}),
        removeOnComplete: 1000,
        removeOnFail: 5000,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
      });
    },
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}
