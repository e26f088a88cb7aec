import { z } from 'zod';
import { ZSessionSummary } from '@trailmark/semantic-model';

const ZLimit = z.int().min(1).max(200).default(50);

export const ZLiveSessionsQuery = z.object({
  applicationId: z.string().min(1),
  cursor: z.string().min(1).optional(),
  limit: ZLimit,
});
export type TLiveSessionsQuery = z.input<typeof ZLiveSessionsQuery>;

/** An open session with aggregates over its events so far: provisional, it may still change. */
export const ZLiveSession = ZSessionSummary.omit({ end_reason: true, end_time: true }).extend({
  provisional: z.literal(true),
  last_activity: z.number(),
  event_count: z.int().nonnegative(),
});
export type TLiveSession = z.infer<typeof ZLiveSession>;

export const ZLiveSessionPage = z.object({ items: z.array(ZLiveSession), nextCursor: z.string().nullable() });
export type TLiveSessionPage = z.infer<typeof ZLiveSessionPage>;

export const ZSessionListQuery = z.object({
  applicationId: z.string().min(1),
  cursor: z.string().min(1).optional(),
  limit: ZLimit,
  /** Invalid (bot-like or bad-clock) sessions are left out unless asked for (SPEC §6.3). */
  includeInvalid: z.boolean().default(false),
});
export type TSessionListQuery = z.input<typeof ZSessionListQuery>;

export const ZClosedSession = ZSessionSummary.extend({ closed_at: z.number() });
export type TClosedSession = z.infer<typeof ZClosedSession>;

export const ZSessionPage = z.object({ items: z.array(ZClosedSession), nextCursor: z.string().nullable() });
export type TSessionPage = z.infer<typeof ZSessionPage>;

export const ZSessionGetQuery = z.object({ applicationId: z.string().min(1), sessionId: z.string().min(1) });
export type TSessionGetQuery = z.input<typeof ZSessionGetQuery>;

export const ZTimelineEvent = z.object({
  event_id: z.string(),
  type: z.string(),
  ts: z.number(),
  url: z.string().nullable(),
  /** Arrived after the session closed: stored, shown, but not in the summary. */
  is_late: z.boolean(),
  data: z.record(z.string(), z.unknown()),
  properties: z.record(z.string(), z.unknown()),
});
export const ZSessionDetail = z.object({ session: ZClosedSession, events: z.array(ZTimelineEvent), isTruncated: z.boolean() });
export type TSessionDetail = z.infer<typeof ZSessionDetail>;
