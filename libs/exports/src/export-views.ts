import { z } from 'zod';

const ZWebhookUrl = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//.test(value), 'must be an http:// or https:// URL');

export const ZExportStreamCreate = z.object({
  applicationId: z.string().min(1),
  name: z.string().trim().min(1).max(100),
  url: ZWebhookUrl,
  /** Generated when omitted; shown once, on create. */
  secret: z.string().min(16).max(200).optional(),
  enabled: z.boolean().default(true),
});
export type TExportStreamCreate = z.input<typeof ZExportStreamCreate>;

export const ZExportStreamUpdate = z.object({
  id: z.string().min(1),
  patch: z.object({ name: z.string().trim().min(1).max(100), url: ZWebhookUrl, enabled: z.boolean(), rotateSecret: z.boolean() }).partial(),
});
export type TExportStreamUpdate = z.input<typeof ZExportStreamUpdate>;

export const ZExportStreamView = z.object({
  id: z.string(),
  applicationId: z.string(),
  name: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  /** Only the first characters, to recognise it. */
  secretPrefix: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TExportStreamView = z.infer<typeof ZExportStreamView>;

export const ZExportStreamWithSecret = ZExportStreamView.extend({ secret: z.string() });
export type TExportStreamWithSecret = z.infer<typeof ZExportStreamWithSecret>;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;

export const ZDeliveryListQuery = z.object({
  streamId: z.string().min(1),
  status: z.enum(DELIVERY_STATUSES).optional(),
  cursor: z.string().min(1).optional(),
  limit: z.int().min(1).max(200).default(50),
});
export type TDeliveryListQuery = z.input<typeof ZDeliveryListQuery>;

export const ZDeliveryView = z.object({
  id: z.string(),
  streamId: z.string(),
  applicationId: z.string(),
  sessionId: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  responseCode: z.number().nullable(),
  isDeadLetter: z.boolean(),
  createdAt: z.date(),
  lastAttemptAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  deadLetteredAt: z.date().nullable(),
});
export type TDeliveryView = z.infer<typeof ZDeliveryView>;

export const ZDeliveryPage = z.object({ items: z.array(ZDeliveryView), nextCursor: z.string().nullable() });
export type TDeliveryPage = z.infer<typeof ZDeliveryPage>;

/** Replay one dead letter, or every dead letter of a stream. */
export const ZReplayRequest = z.union([z.object({ deliveryId: z.string().min(1) }), z.object({ streamId: z.string().min(1) })]);
export type TReplayRequest = z.infer<typeof ZReplayRequest>;
