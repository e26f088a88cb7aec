import type { TChildRows } from '@trailmark/semantic-model';
import { isoTime as iso } from './iso-time';
import { stringifyWithLongs } from './json-longs';
import { ColumnArrays, type TColumn } from './unnest-sql';

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


export interface TChildColumns {
  userActions: ColumnArrays;
  userEvents: ColumnArrays;
  userErrors: ColumnArrays;
}

/** The child rows of many sessions column by column (in the order of the column lists above), one set per table. */
export function toChildColumns(rows: readonly TChildRows[]): TChildColumns {
  const userActions = new ColumnArrays(USER_ACTION_COLUMNS.length);
  const userEvents = new ColumnArrays(USER_EVENT_COLUMNS.length);
  const userErrors = new ColumnArrays(USER_ERROR_COLUMNS.length);
  for (const child of rows) {
    // Every row of a session carries the same start time: formatted once.
    let startMs = Number.NaN;
    let startIso = '';
    const sessionStart = (ms: number): string => {
      if (ms !== startMs) {
        startIso = iso(ms);
        startMs = ms;
      }
      return startIso;
    };
    for (const a of child.userActions) {
      userActions.push(
        a.applicationId,
        a.sessionId,
        a.eventId,
        sessionStart(a.sessionStartTime),
        a.name,
        a.type,
        a.targetUrl,
        a.domain,
        a.apdexCategory,
        iso(a.startTime),
        iso(a.endTime),
        a.duration,
        a.requestCount,
        a.requestErrorCount,
        a.javascriptErrorCount,
        a.largestContentfulPaint,
        a.cumulativeLayoutShift,
        a.interactionToNextPaint,
        a.timeToFirstByte,
        a.domContentLoadedTime,
        a.loadEventEnd,
        stringifyWithLongs(a.properties),
      );
    }
    for (const e of child.userEvents) {
      userEvents.push(e.applicationId, e.sessionId, e.eventId, sessionStart(e.sessionStartTime), e.name, e.type, e.page, e.pageReferrer, iso(e.startTime));
    }
    for (const e of child.userErrors) {
      userErrors.push(e.applicationId, e.sessionId, e.eventId, sessionStart(e.sessionStartTime), e.name, e.type, e.status, e.page, iso(e.startTime));
    }
  }
  return { userActions, userEvents, userErrors };
}
