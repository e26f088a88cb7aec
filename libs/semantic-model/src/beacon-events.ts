import { z } from 'zod';
import { BEACON_LIMITS as L } from './limits';
import { ZPropertyMap } from './property-map';

export const EVENT_TYPES = [
  'navigation',
  'user_action',
  'request',
  'user_interaction',
  'error',
  'session_property',
  'page_summary',
  'view_summary',
  'session_end',
] as const;
export type TEventType = (typeof EVENT_TYPES)[number];

export const ACTION_TYPES = ['load', 'xhr', 'custom'] as const;
export const INTERACTION_TYPES = ['click', 'tap', 'keypress', 'scroll'] as const;
export const ERROR_TYPES = ['js', 'http', 'csp'] as const;

const ZEpochMs = z.number().nonnegative();
const ZMeasure = z.number().nonnegative();
const ZCount = z.int().nonnegative();
const ZUrl = z.string().max(L.maxUrlLength);
const ZText = z.string().max(L.maxTextLength);

/** Fields every event carries; `session_properties` is allowed on any event, not only session_property. */
const eventBase = {
  id: z.string().min(1).max(L.maxIdLength),
  ts: ZEpochMs,
  url: ZUrl.optional(),
  event_properties: ZPropertyMap.optional(),
  session_properties: ZPropertyMap.optional(),
};

export const ZTimings = z.object({
  ttfb: ZMeasure.optional(),
  dom_content_loaded: ZMeasure.optional(),
  load: ZMeasure.optional(),
  lcp: ZMeasure.optional(),
  cls: ZMeasure.optional(),
  inp: ZMeasure.optional(),
});
export type TTimings = z.infer<typeof ZTimings>;

export const ZNavigationEvent = z.object({
  ...eventBase,
  type: z.literal('navigation'),
  timings: ZTimings.optional(),
  soft: z.boolean().optional(),
});

/** `timings` is an optional extension for load actions, so the user_action row can carry web vitals. */
export const ZUserActionEvent = z.object({
  ...eventBase,
  type: z.literal('user_action'),
  action_type: z.enum(ACTION_TYPES),
  name: ZText,
  duration: ZMeasure,
  target_url: ZUrl.optional(),
  request_count: ZCount.optional(),
  error_count: ZCount.optional(),
  start: ZEpochMs.optional(),
  end: ZEpochMs.optional(),
  timings: ZTimings.optional(),
});

export const ZRequestEvent = z.object({
  ...eventBase,
  type: z.literal('request'),
  url: ZUrl,
  method: z.string().min(1).max(L.maxMethodLength),
  // 0 is what the browser reports for network errors and opaque responses.
  status: z.int().min(0).max(999),
  duration: ZMeasure,
});

export const ZUserInteractionEvent = z.object({
  ...eventBase,
  type: z.literal('user_interaction'),
  interaction: z.enum(INTERACTION_TYPES),
  target: ZText,
});

export const ZErrorEvent = z.object({
  ...eventBase,
  type: z.literal('error'),
  error_type: z.enum(ERROR_TYPES),
  message: ZText,
  stack: z.string().max(L.maxStackLength).optional(),
  status: z.int().min(0).max(999).optional(),
  source_url: ZUrl.optional(),
});

export const ZSessionPropertyEvent = z.object({
  ...eventBase,
  type: z.literal('session_property'),
  session_properties: ZPropertyMap,
});

export const ZPageSummaryEvent = z.object({ ...eventBase, type: z.literal('page_summary') });
export const ZViewSummaryEvent = z.object({ ...eventBase, type: z.literal('view_summary') });
export const ZSessionEndEvent = z.object({ ...eventBase, type: z.literal('session_end') });

export const ZBeaconEvent = z.discriminatedUnion('type', [
  ZNavigationEvent,
  ZUserActionEvent,
  ZRequestEvent,
  ZUserInteractionEvent,
  ZErrorEvent,
  ZSessionPropertyEvent,
  ZPageSummaryEvent,
  ZViewSummaryEvent,
  ZSessionEndEvent,
]);

export type TBeaconEvent = z.infer<typeof ZBeaconEvent>;
export type TNavigationEvent = z.infer<typeof ZNavigationEvent>;
export type TUserActionEvent = z.infer<typeof ZUserActionEvent>;
export type TRequestEvent = z.infer<typeof ZRequestEvent>;
export type TUserInteractionEvent = z.infer<typeof ZUserInteractionEvent>;
export type TErrorEvent = z.infer<typeof ZErrorEvent>;
export type TSessionPropertyEvent = z.infer<typeof ZSessionPropertyEvent>;
