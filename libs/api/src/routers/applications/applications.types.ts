import { z } from 'zod';
import { ZApplicationCreate, ZApplicationSettings, ZIpAnonymisation } from '@trailmark/property-schema';
import { ZApplicationUpdate } from '@trailmark/services';

export const ZApplicationView = z.object({
  id: z.string(),
  name: z.string(),
  ingestKey: z.string(),
  allowedOrigins: z.array(z.string()),
  settings: z.object({
    sessionTimeoutMs: z.number(),
    maxSessionDurationMs: z.number(),
    honourDnt: z.boolean(),
    ipAnonymisation: ZIpAnonymisation,
    retentionDays: z.number(),
    apdexThresholdMs: z.number(),
  }),
  limits: z.object({ maxProperties: z.number(), maxEventProperties: z.number(), freeTierProperties: z.number() }),
  snippet: z.string(),
  createdAt: z.date(),
});
export type TApplicationView = z.infer<typeof ZApplicationView>;

export const ZApplicationIdRequest = z.object({ applicationId: z.string().min(1) });
export const ZCreateApplicationRequest = ZApplicationCreate;
export const ZUpdateApplicationRequest = z.object({ applicationId: z.string().min(1), patch: ZApplicationUpdate });
export const ZUpdateLimitsRequest = z.object({
  applicationId: z.string().min(1),
  limits: z.object({ maxProperties: z.number().int(), maxEventProperties: z.number().int(), freeTierProperties: z.number().int() }).partial(),
});
export const ZListApplicationsResponse = z.array(ZApplicationView);
export { ZApplicationSettings };
