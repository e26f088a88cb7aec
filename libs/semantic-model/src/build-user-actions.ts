import type { TApdexCategory, TSessionRowKey, TUserActionRow, TUserActionType } from './child-rows';
import { orderEvents } from './event-order';
import { readNumber, readObject, readString, type TStoredEvent } from './stored-event';

const ACTION_TYPE_NAMES: ReadonlyMap<string, TUserActionType> = new Map([
  ['load', 'Load'],
  ['xhr', 'Xhr'],
  ['custom', 'Custom'],
]);

/**
 * Action names are kept to their first 500 characters: the name is a key of two user_action
 * indexes, and a btree entry must fit in a third of a page (about 2.7 KB), whatever the encoding.
 */
export const MAX_ACTION_NAME_LENGTH = 500;

function actionName(name: string): string {
  if (name.length <= MAX_ACTION_NAME_LENGTH) return name;
  const end = MAX_ACTION_NAME_LENGTH;
  // Never split a surrogate pair.
  const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
  return name.slice(0, isHighSurrogate(name.charCodeAt(end - 1)) ? end - 1 : end);
}

/** Apdex with threshold T: SATISFIED ≤ T, TOLERATING ≤ 4T, FRUSTRATED above. */
export function apdexCategoryOf(durationMs: number, apdexThresholdMs: number): TApdexCategory {
  if (durationMs <= apdexThresholdMs) return 'SATISFIED';
  if (durationMs <= 4 * apdexThresholdMs) return 'TOLERATING';
  return 'FRUSTRATED';
}

/**
 * One row per user_action event (de-duplicated, in (ts, eventId) order). `requestErrorCount` is
 * the action's `error_count`; `javascriptErrorCount` counts the session's js error events whose
 * ts falls within the action's [start, end].
 */
export function buildUserActions(
  events: readonly TStoredEvent[],
  apdexThresholdMs: number,
  session: TSessionRowKey,
): TUserActionRow[] {
  const ordered = orderEvents(events);
  const jsErrorTimes = ordered
    .filter((event) => event.type === 'error' && readString(event.data, 'error_type') === 'js')
    .map((event) => event.ts);
  return ordered
    .filter((event) => event.type === 'user_action')
    .map((event) => toUserActionRow(event, apdexThresholdMs, session, jsErrorTimes));
}

function toUserActionRow(
  event: TStoredEvent,
  apdexThresholdMs: number,
  session: TSessionRowKey,
  jsErrorTimes: readonly number[],
): TUserActionRow {
  const { data } = event;
  const span = actionSpan(event);
  const targetUrl = readString(data, 'target_url') ?? event.url;
  const timings = readObject(data, 'timings');
  return {
    applicationId: session.applicationId,
    sessionId: session.sessionId,
    sessionStartTime: session.sessionStartTime,
    eventId: event.eventId,
    name: actionName(readString(data, 'name') ?? ''),
    type: ACTION_TYPE_NAMES.get(readString(data, 'action_type') ?? '') ?? 'Custom',
    targetUrl,
    domain: targetUrl === null ? null : domainOf(targetUrl),
    apdexCategory: apdexCategoryOf(span.duration, apdexThresholdMs),
    ...span,
    requestCount: readNumber(data, 'request_count') ?? 0,
    requestErrorCount: readNumber(data, 'error_count') ?? 0,
    javascriptErrorCount: jsErrorTimes.filter((ts) => ts >= span.startTime && ts <= span.endTime).length,
    largestContentfulPaint: readNumber(timings, 'lcp'),
    cumulativeLayoutShift: readNumber(timings, 'cls'),
    interactionToNextPaint: readNumber(timings, 'inp'),
    timeToFirstByte: readNumber(timings, 'ttfb'),
    domContentLoadedTime: readNumber(timings, 'dom_content_loaded'),
    loadEventEnd: readNumber(timings, 'load'),
    properties: { ...event.properties },
  };
}

/** start defaults to the event ts; end to start + duration; duration to end − start. */
function actionSpan(event: TStoredEvent): Pick<TUserActionRow, 'startTime' | 'endTime' | 'duration'> {
  const startTime = readNumber(event.data, 'start') ?? event.ts;
  const givenDuration = readNumber(event.data, 'duration');
  const endTime = readNumber(event.data, 'end') ?? startTime + (givenDuration ?? 0);
  return { startTime, endTime, duration: givenDuration ?? Math.max(0, endTime - startTime) };
}

const AUTHORITY = /^[a-z][a-z\d+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]/?#]*\]|[^/?#:]*)/i;

/** Host of an absolute URL, lower-cased; null for relative or unparsable URLs. */
export function domainOf(url: string): string | null {
  const host = AUTHORITY.exec(url)?.[1];
  return host ? host.toLowerCase() : null;
}
