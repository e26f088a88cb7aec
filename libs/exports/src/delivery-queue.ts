import { z } from 'zod';

/** Its own queue: a slow or failing webhook never holds up `session-close`. */
export const EXPORT_DELIVERY_QUEUE = 'export-delivery';

export const ZExportDeliveryJob = z.object({ deliveryId: z.string().min(1) });
export type TExportDeliveryJob = z.infer<typeof ZExportDeliveryJob>;

export interface TDeliveryPolicy {
  /** Attempts in all, the first included; after the last one the delivery is dead-lettered. */
  attempts: number;
  /** First retry delay; doubles on each further retry. */
  backoffMs: number;
  timeoutMs: number;
}

export const DEFAULT_DELIVERY_POLICY: TDeliveryPolicy = { attempts: 8, backoffMs: 5000, timeoutMs: 5000 };

/** BullMQ rejects `:` in custom ids; a delivery id is a uuid. */
export function deliveryJobId(deliveryId: string): string {
  return `delivery.${deliveryId}`;
}
