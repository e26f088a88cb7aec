import type { TSessionSummary } from '@trailmark/semantic-model';
import { parseSize, type TClientDescription } from './client-context';
import { isoTime } from './iso-time';
import type { TColumn } from './unnest-sql';

export const SESSION_COLUMNS: readonly TColumn[] = [
  ['application_id', 'text'],
  ['session_id', 'text'],
  ['instance_id', 'text'],
  ['user_tag', 'text'],
  ['start_time', 'timestamptz'],
  ['end_time', 'timestamptz'],
  ['duration', 'bigint'],
  ['end_reason', 'text'],
  ['navigation_count', 'integer'],
  ['page_summary_count', 'integer'],
  ['request_count', 'integer'],
  ['user_interaction_count', 'integer'],
  ['view_summary_count', 'integer'],
  ['user_action_count', 'integer'],
  ['error_count', 'integer'],
  ['error_http_4xx_count', 'integer'],
  ['error_http_5xx_count', 'integer'],
  ['error_csp_violation_count', 'integer'],
  ['error_js_count', 'integer'],
  ['has_replay', 'boolean'],
  ['is_invalid', 'boolean'],
  ['user_type', 'text'],
  ['browser_name', 'text'],
  ['browser_version', 'text'],
  ['browser_major_version', 'text'],
  ['os_name', 'text'],
  ['os_version', 'text'],
  ['device_type', 'text'],
  ['device_manufacturer', 'text'],
  ['device_model', 'text'],
  ['screen_width', 'integer'],
  ['screen_height', 'integer'],
  ['window_width', 'integer'],
  ['window_height', 'integer'],
  ['country', 'text'],
  ['client_ip', 'text'],
  ['client_isp', 'text'],
  ['properties', 'jsonb'],
];

/** The `session` row of a summary, keyed by column (the names of `SESSION_COLUMNS`). */
export function toSessionRecord(summary: TSessionSummary, client: TClientDescription): Record<string, unknown> {
  const [screenWidth, screenHeight] = parseSize(summary.device.screen);
  const [windowWidth, windowHeight] = parseSize(summary.browser.window_size);
  return {
    application_id: summary.application_id,
    session_id: summary.session_id,
    instance_id: summary.instance_id,
    user_tag: summary.user_tag,
    start_time: isoTime(summary.start_time),
    end_time: isoTime(summary.end_time),
    duration: summary.duration,
    end_reason: summary.end_reason,
    navigation_count: summary.navigation_count,
    page_summary_count: summary.page_summary_count,
    request_count: summary.request_count,
    user_interaction_count: summary.user_interaction_count,
    view_summary_count: summary.view_summary_count,
    user_action_count: summary.user_action_count,
    error_count: summary.error.count,
    error_http_4xx_count: summary.error.http_4xx_count,
    error_http_5xx_count: summary.error.http_5xx_count,
    error_csp_violation_count: summary.error.csp_violation_count,
    error_js_count: summary.error.js_count,
    has_replay: summary.characteristics.has_replay,
    is_invalid: summary.characteristics.is_invalid,
    user_type: client.userType,
    browser_name: summary.browser.name,
    browser_version: summary.browser.version,
    browser_major_version: client.browserMajorVersion,
    os_name: summary.os.name,
    os_version: summary.os.version,
    device_type: summary.device.type,
    device_manufacturer: summary.device.manufacturer,
    device_model: summary.device.model,
    screen_width: screenWidth,
    screen_height: screenHeight,
    window_width: windowWidth,
    window_height: windowHeight,
    country: summary.geo.country_iso_code,
    client_ip: summary.client.ip,
    client_isp: summary.client.isp,
    properties: summary.session_properties,
  };
}

/** A `session` row as read with `SESSION_SELECT` (times as epoch ms). */
export interface TSessionRow {
  application_id: string;
  session_id: string;
  instance_id: string;
  user_tag: string | null;
  start_ms: number;
  end_ms: number;
  closed_ms: number;
  duration: string;
  end_reason: string;
  [column: string]: unknown;
}

export const SESSION_SELECT = `s.*, (extract(epoch FROM s.start_time) * 1000)::float8 AS start_ms,
  (extract(epoch FROM s.end_time) * 1000)::float8 AS end_ms, (extract(epoch FROM s.closed_at) * 1000)::float8 AS closed_ms`;

function text(row: TSessionRow, column: string): string | null {
  const value = row[column];
  return typeof value === 'string' ? value : null;
}

function count(row: TSessionRow, column: string): number {
  return Number(row[column] ?? 0);
}

function size(row: TSessionRow, width: string, height: string): string | null {
  return row[width] == null || row[height] == null ? null : `${String(row[width])}x${String(row[height])}`;
}

/** The §6.2 JSON shape of a stored `session` row (what export webhooks receive). */
export function toSessionSummary(row: TSessionRow): TSessionSummary {
  return {
    session_id: row.session_id,
    instance_id: row.instance_id,
    user_tag: row.user_tag,
    application_id: row.application_id,
    start_time: row.start_ms,
    end_time: row.end_ms,
    duration: Number(row.duration),
    end_reason: row.end_reason as TSessionSummary['end_reason'],
    navigation_count: count(row, 'navigation_count'),
    page_summary_count: count(row, 'page_summary_count'),
    request_count: count(row, 'request_count'),
    user_interaction_count: count(row, 'user_interaction_count'),
    view_summary_count: count(row, 'view_summary_count'),
    user_action_count: count(row, 'user_action_count'),
    error: {
      count: count(row, 'error_count'),
      http_4xx_count: count(row, 'error_http_4xx_count'),
      http_5xx_count: count(row, 'error_http_5xx_count'),
      csp_violation_count: count(row, 'error_csp_violation_count'),
      js_count: count(row, 'error_js_count'),
    },
    characteristics: { has_replay: row['has_replay'] === true, is_invalid: row['is_invalid'] === true },
    browser: { name: text(row, 'browser_name'), version: text(row, 'browser_version'), window_size: size(row, 'window_width', 'window_height') },
    os: { name: text(row, 'os_name'), version: text(row, 'os_version') },
    device: {
      type: text(row, 'device_type'),
      manufacturer: text(row, 'device_manufacturer'),
      model: text(row, 'device_model'),
      screen: size(row, 'screen_width', 'screen_height'),
    },
    geo: { country_iso_code: text(row, 'country') },
    client: { ip: text(row, 'client_ip'), isp: text(row, 'client_isp') },
    session_properties: (row['properties'] ?? {}) as TSessionSummary['session_properties'],
  };
}
