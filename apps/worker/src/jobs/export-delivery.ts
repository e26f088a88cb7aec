import { EXPORT_DELIVERY_QUEUE, ZExportDeliveryJob, deliverExport } from '@trailmark/exports';
import { defineJob } from './job-definition';

export const exportDeliveryJob = defineJob({
  name: 'export-delivery',
  queue: EXPORT_DELIVERY_QUEUE,
  schema: ZExportDeliveryJob,
  async handle(payload, context, job) {
    const { attempts, timeoutMs } = context.deliveryPolicy;
    const outcome = await deliverExport(context.pool, payload.deliveryId, { attempt: job.attemptsMade + 1, maxAttempts: attempts, timeoutMs });
    // Throwing hands the retry and its backoff to the queue.
    if (outcome === 'retry') throw new Error(`delivery ${payload.deliveryId} failed; will retry`);
    return outcome;
  },
});
