import type { TEndReason } from '@trailmark/semantic-model';

/** A locked `live_session` row as the close path reads it (times as epoch ms). */
export interface TLiveSessionRow {
  application_id: string;
  session_id: string;
  instance_id: string;
  user_tag: string | null;
  first_ms: number;
  last_ms: number;
  event_count: number;
  ua: string | null;
  ip: string | null;
  screen: string | null;
  window_size: string | null;
  country: string | null;
  /** Set when the row was picked by expiry rather than by a close request. */
  reason?: TEndReason;
}

export const LIVE_SESSION_COLUMNS = `ls.application_id, ls.session_id, ls.instance_id, ls.user_tag,
  (extract(epoch FROM ls.first_ts) * 1000)::float8 AS first_ms, (extract(epoch FROM ls.last_ts) * 1000)::float8 AS last_ms,
  ls.event_count, ls.ua, ls.ip, ls.screen, ls.window_size, ls.country`;
