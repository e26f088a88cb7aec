import { z } from 'zod';

export const END_REASONS = ['timeout', 'duration_limit', 'api', 'user_change'] as const;
export type TEndReason = (typeof END_REASONS)[number];

const ZCount = z.int().nonnegative();
const ZOptionalText = z.string().nullable();

/** A session property value; longs beyond ±2^53 stay exact as bigint. */
export const ZSessionPropertyValue = z.union([z.string(), z.number(), z.boolean(), z.bigint()]);
export type TSessionPropertyValue = z.infer<typeof ZSessionPropertyValue>;

/** The closed-session record of SPEC §6.2, in the JSON shape export webhooks post. Times are epoch ms. */
export const ZSessionSummary = z.object({
  session_id: z.string(),
  instance_id: z.string(),
  user_tag: ZOptionalText,
  application_id: z.string(),
  start_time: z.number(),
  end_time: z.number(),
  duration: z.number().nonnegative(),
  end_reason: z.enum(END_REASONS),
  navigation_count: ZCount,
  page_summary_count: ZCount,
  request_count: ZCount,
  user_interaction_count: ZCount,
  view_summary_count: ZCount,
  user_action_count: ZCount,
  error: z.object({
    count: ZCount,
    http_4xx_count: ZCount,
    http_5xx_count: ZCount,
    csp_violation_count: ZCount,
    js_count: ZCount,
  }),
  characteristics: z.object({ has_replay: z.boolean(), is_invalid: z.boolean() }),
  browser: z.object({ name: ZOptionalText, version: ZOptionalText, window_size: ZOptionalText }),
  os: z.object({ name: ZOptionalText, version: ZOptionalText }),
  device: z.object({
    type: ZOptionalText,
    manufacturer: ZOptionalText,
    model: ZOptionalText,
    screen: ZOptionalText,
  }),
  geo: z.object({ country_iso_code: ZOptionalText }),
  client: z.object({ ip: ZOptionalText, isp: ZOptionalText }),
  session_properties: z.record(z.string(), ZSessionPropertyValue),
});

export type TSessionSummary = z.infer<typeof ZSessionSummary>;
