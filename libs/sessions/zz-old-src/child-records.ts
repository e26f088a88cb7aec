import type { TChildRows } from '@trailmark/semantic-model';
import type { TColumn } from './recordset-sql';

const KEY_COLUMNS: readonly TColumn[] = [
  ['application_id', 'text'],
  ['session_id', 'text'],
  ['event_id', 'text'],
  ['session_start_time', 'timestamptz'],
];

export const USER_ACTION_COLUMNS: readonly TColumn[] = [
  ...KEY_COLUMNS,
  ['name', 'text'],
  ['type', 'text'],
  ['target_url', 'text'],
  ['domain', 'text'],
  ['apdex_category', 'text'],
  ['start_time', 'timestamptz'],
  ['end_time', 'timestamptz'],
  ['duration', 'bigint'],
  ['request_count', 'integer'],
  ['request_error_count', 'integer'],
  ['javascript_error_count', 'integer'],
  ['largest_contentful_paint', 'double precision'],
  ['cumulative_layout_shift', 'double precision'],
  ['interaction_to_next_paint', 'double precision'],
  ['time_to_first_byte', 'double precision'],
  ['dom_content_loaded_time', 'double precision'],
  ['load_event_end', 'double precision'],
  ['properties', 'jsonb'],
];

export const USER_EVENT_COLUMNS: readonly TColumn[] = [
  ...KEY_COLUMNS,
  ['name', 'text'],
  ['type', 'text'],
  ['page', 'text'],
  ['page_referrer', 'text'],
  ['start_time', 'timestamptz'],
];

export const USER_ERROR_COLUMNS: readonly TColumn[] = [
  ...KEY_COLUMNS,
  ['name', 'text'],
  ['type', 'text'],
  ['status', 'integer'],
  ['page', 'text'],
  ['start_time', 'timestamptz'],
];

const iso = (ms: number): string => new Date(ms).toISOString();

type TRecord = Record<string, unknown>;

/** The child rows of many sessions as `jsonb_to_recordset` records, one array per table. */
export function toChildRecords(rows: readonly TChildRows[]): { userActions: TRecord[]; userEvents: TRecord[]; userErrors: TRecord[] } {
  const userActions: TRecord[] = [];
  const userEvents: TRecord[] = [];
  const userErrors: TRecord[] = [];
  for (const child of rows) {
    for (const a of child.userActions) {
      userActions.push({
        application_id: a.applicationId,
        session_id: a.sessionId,
        event_id: a.eventId,
        session_start_time: iso(a.sessionStartTime),
        name: a.name,
        type: a.type,
        target_url: a.targetUrl,
        domain: a.domain,
        apdex_category: a.apdexCategory,
        start_time: iso(a.startTime),
        end_time: iso(a.endTime),
        duration: a.duration,
        request_count: a.requestCount,
        request_error_count: a.requestErrorCount,
        javascript_error_count: a.javascriptErrorCount,
        largest_contentful_paint: a.largestContentfulPaint,
        cumulative_layout_shift: a.cumulativeLayoutShift,
        interaction_to_next_paint: a.interactionToNextPaint,
        time_to_first_byte: a.timeToFirstByte,
        dom_content_loaded_time: a.domContentLoadedTime,
        load_event_end: a.loadEventEnd,
        properties: a.properties,
      });
    }
    for (const e of child.userEvents) {
      userEvents.push({
        application_id: e.applicationId,
        session_id: e.sessionId,
        event_id: e.eventId,
        session_start_time: iso(e.sessionStartTime),
        name: e.name,
        type: e.type,
        page: e.page,
        page_referrer: e.pageReferrer,
        start_time: iso(e.startTime),
      });
    }
    for (const e of child.userErrors) {
      userErrors.push({
        application_id: e.applicationId,
        session_id: e.sessionId,
        event_id: e.eventId,
        session_start_time: iso(e.sessionStartTime),
        name: e.name,
        type: e.type,
        status: e.status,
        page: e.page,
        start_time: iso(e.startTime),
      });
    }
  }
  return { userActions, userEvents, userErrors };
}
