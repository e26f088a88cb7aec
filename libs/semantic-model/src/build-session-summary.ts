import { TrailmarkError } from '@trailmark/errors';
import { orderEvents } from './event-order';
import type { TEndReason, TSessionSummary } from './session-summary';
import { aggregateSessionProperties, type TSessionPropertyDefinition } from './session-properties';
import { isInvalidSession, SESSION_CLOCK_RULES } from './session-validity';
import { readNumber, readString, type TStoredEvent } from './stored-event';

/** Session-level facts the worker knows from the live session row and the application. */
export interface TSessionContext {
  applicationId: string;
  sessionId: string;
  endReason: TEndReason;
  browserName?: string | null;
  browserVersion?: string | null;
  osName?: string | null;
  osVersion?: string | null;
  deviceType?: string | null;
  deviceManufacturer?: string | null;
  deviceModel?: string | null;
  /** "WxH" */
  screen?: string | null;
  /** "WxH" */
  windowSize?: string | null;
  /** Already anonymised per the application's setting. */
  ip?: string | null;
  country?: string | null;
  isp?: string | null;
}

export interface TSessionSummaryInput {
  context: TSessionContext;
  events: readonly TStoredEvent[];
  definitions: readonly TSessionPropertyDefinition[];
  /** Epoch ms the close happens at; passed in to keep the builder pure. */
  now: number;
  maxSessionDurationMs?: number;
}

type TTypeCounts = Pick<
  TSessionSummary,
  | 'navigation_count'
  | 'page_summary_count'
  | 'request_count'
  | 'user_interaction_count'
  | 'view_summary_count'
  | 'user_action_count'
>;

// A Map, not an object literal: a stored type such as "constructor" must not hit the prototype.
const COUNTED_TYPES: ReadonlyMap<string, keyof TTypeCounts> = new Map([
  ['navigation', 'navigation_count'],
  ['page_summary', 'page_summary_count'],
  ['request', 'request_count'],
  ['user_interaction', 'user_interaction_count'],
  ['view_summary', 'view_summary_count'],
  ['user_action', 'user_action_count'],
]);

/**
 * Builds the §6.2 summary. Pure and order-independent: events are de-duplicated by eventId and
 * put in (ts, eventId) order first, so a retried close over the same events gives the same row.
 */
export function buildSessionSummary(input: TSessionSummaryInput): TSessionSummary {
  const ordered = orderEvents(input.events);
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  if (first === undefined || last === undefined) {
    throw new TrailmarkError('VALIDATION', 'a session summary needs at least one event');
  }
  const { context } = input;
  const maxSessionDurationMs = input.maxSessionDurationMs ?? SESSION_CLOCK_RULES.defaultMaxSessionDurationMs;
  return {
    session_id: context.sessionId,
    instance_id: first.instanceId,
    user_tag: lastUserTag(ordered),
    application_id: context.applicationId,
    start_time: first.ts,
    end_time: last.ts,
    duration: last.ts - first.ts,
    end_reason: context.endReason,
    ...countTypes(ordered),
    error: countErrors(ordered),
    characteristics: {
      has_replay: false,
      is_invalid: isInvalidSession({ ordered, now: input.now, maxSessionDurationMs }),
    },
    ...describeClient(context),
    session_properties: aggregateSessionProperties(ordered, input.definitions),
  };
}

function countTypes(ordered: readonly TStoredEvent[]): TTypeCounts {
  const counts: TTypeCounts = {
    navigation_count: 0,
    page_summary_count: 0,
    request_count: 0,
    user_interaction_count: 0,
    view_summary_count: 0,
    user_action_count: 0,
  };
  for (const event of ordered) {
    const field = COUNTED_TYPES.get(event.type);
    if (field !== undefined) counts[field] += 1;
  }
  return counts;
}

/**
 * Errors are counted from `error` events only: a failed `request` is reported by the SDK as its
 * own http error event, so counting requests too would count it twice.
 */
function countErrors(ordered: readonly TStoredEvent[]): TSessionSummary['error'] {
  const error = { count: 0, http_4xx_count: 0, http_5xx_count: 0, csp_violation_count: 0, js_count: 0 };
  for (const event of ordered) {
    if (event.type !== 'error') continue;
    error.count += 1;
    const errorType = readString(event.data, 'error_type');
    if (errorType === 'js') error.js_count += 1;
    if (errorType === 'csp') error.csp_violation_count += 1;
    if (errorType === 'http') countHttpStatus(error, readNumber(event.data, 'status'));
  }
  return error;
}

function countHttpStatus(error: TSessionSummary['error'], status: number | null): void {
  if (status === null) return;
  if (status >= 400 && status < 500) error.http_4xx_count += 1;
  if (status >= 500 && status < 600) error.http_5xx_count += 1;
}

function lastUserTag(ordered: readonly TStoredEvent[]): string | null {
  for (let i = ordered.length - 1; i >= 0; i -= 1) {
    const tag = ordered[i]?.userTag;
    if (tag) return tag;
  }
  return null;
}

function describeClient(context: TSessionContext): Pick<TSessionSummary, 'browser' | 'os' | 'device' | 'geo' | 'client'> {
  return {
    browser: {
      name: context.browserName ?? null,
      version: context.browserVersion ?? null,
      window_size: context.windowSize ?? null,
    },
    os: { name: context.osName ?? null, version: context.osVersion ?? null },
    device: {
      type: context.deviceType ?? null,
      manufacturer: context.deviceManufacturer ?? null,
      model: context.deviceModel ?? null,
      screen: context.screen ?? null,
    },
    geo: { country_iso_code: context.country ?? null },
    client: { ip: context.ip ?? null, isp: context.isp ?? null },
  };
}
