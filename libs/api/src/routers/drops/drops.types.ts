import { z } from 'zod';
import { ZDataType, ZPropertyDefinition, ZPropertyScope } from '@trailmark/property-schema';

const ZDropCount = z.object({ key: z.string(), count: z.number(), firstSeenAt: z.date(), lastSeenAt: z.date() });

export const ZListDropsRequest = z.object({ applicationId: z.string().min(1) });
export const ZListDropsResponse = z.object({
  /** "Undefined keys seen": keys pages send that have no definition, most frequent first. */
  undefinedKeys: z.array(ZDropCount),
  /** Every other drop reason (wrong_scope, type_mismatch, cleanup_no_match, dnt). */
  otherDrops: z.array(ZDropCount.extend({ reason: z.string() })),
});
export type TListDropsResponse = z.infer<typeof ZListDropsResponse>;

export const ZDefineFromDropRequest = z.object({
  applicationId: z.string().min(1),
  key: z.string().min(1),
  dataType: ZDataType,
  scope: ZPropertyScope,
});
export type TDefineFromDropRequest = z.infer<typeof ZDefineFromDropRequest>;
export const ZDefineFromDropResponse = ZPropertyDefinition;
