import { TrailmarkError, type TFieldIssue } from '@trailmark/errors';
import { splitBeaconEvent, type TBeacon, type TBeaconEvent } from '@trailmark/semantic-model';
import { validateProperties, type TPropertyDrop, type TValidatedProperties, type TValidationContext } from '@trailmark/validation-rules';
import type { TAppConfig } from './app-config';
import { clockOffset, correctTimestamp } from './clock';
import { propertiesToJson } from './property-json';

const MAX_INT32 = 2_147_483_647;

/** One row of the `event` table, ready for the group commit. */
export interface TEventRow {
  applicationId: string;
  sessionId: string;
  eventId: string;
  instanceId: string;
  seq: number;
  type: string;
  /** Server-corrected epoch ms. */
  ts: number;
  url: string | null;
  userTag: string | null;
  data: string;
  properties: string;
  sessionProperties: string;
  /** Counted into drop_counter only if this row is really inserted (not a retry). */
  drops: readonly TPropertyDrop[];
}

/** What the live_session upsert and session tracking need to know about the beacon's session. */
export interface TSessionMeta {
  applicationId: string;
  sessionId: string;
  instanceId: string;
  userTag: string | null;
  ua: string | null;
  ip: string | null;
  screen: string | null;
  windowSize: string | null;
  country: string | null;
  sessionTimeoutMs: number;
  maxSessionDurationMs: number;
  hasSessionEnd: boolean;
}

export interface TClientContext {
  receivedAt: number;
  ua: string | null;
  /** Already anonymised per the application's setting. */
  ip: string | null;
  country: string | null;
}

export interface TDroppedProperty {
  event: string;
  key: string;
  reason: TPropertyDrop['reason'];
}

export interface TPreparedBeacon {
  rows: TEventRow[];
  session: TSessionMeta;
  dropped: TDroppedProperty[];
}

function invalid(issues: TFieldIssue[]): TrailmarkError {
  return new TrailmarkError('VALIDATION', issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), { issues });
}

/** Validates, corrects and shapes a parsed beacon into rows; pure, so the hot path is testable without a store. */
export function prepareBeacon(beacon: TBeacon, config: TAppConfig, client: TClientContext): TPreparedBeacon {
  if (beacon.seq > MAX_INT32) throw invalid([{ path: 'seq', rule: 'max_int32', message: `seq must be at most ${MAX_INT32}` }]);
  const offset = clockOffset(client.receivedAt, beacon.sent_at);
  const validation: TValidationContext = { definitions: config.index, dnt: beacon.dnt === true, appHonoursDnt: config.honourDnt };
  const issues: TFieldIssue[] = [];
  const rows: TEventRow[] = [];
  const dropped: TDroppedProperty[] = [];
  beacon.events.forEach((event, position) => {
    const row = toRow(beacon, config, event, offset, validation);
    if (row === null) issues.push({ path: `events.${position}.ts`, rule: 'ts_range', message: 'timestamp is outside the representable range after clock correction' });
    else {
      rows.push(row);
      for (const drop of row.drops) dropped.push({ event: row.eventId, ...drop });
    }
  });
  if (issues.length > 0) throw invalid(issues.slice(0, 10));
  return { rows, dropped, session: sessionOf(beacon, config, client, rows) };
}

function toRow(beacon: TBeacon, config: TAppConfig, event: TBeaconEvent, offset: number, validation: TValidationContext): TEventRow | null {
  const split = splitBeaconEvent(event);
  const ts = correctTimestamp(split.ts, offset);
  if (ts === null) return null;
  const eventProps = validateProperties(split.eventProperties, 'event', validation);
  const sessionProps = hasKeys(split.sessionProperties) ? validateProperties(split.sessionProperties, 'session', validation) : NO_PROPERTIES;
  return {
    applicationId: config.applicationId,
    sessionId: beacon.session,
    eventId: split.eventId,
    instanceId: beacon.instance,
    seq: beacon.seq,
    type: split.type,
    ts,
    url: split.url ?? beacon.page?.url ?? null,
    userTag: beacon.user_tag ?? null,
    data: JSON.stringify(correctData(split.type, split.data, beacon, offset)),
    properties: propertiesToJson(eventProps.values),
    sessionProperties: propertiesToJson(sessionProps.values),
    drops: sessionProps.drops.length === 0 ? eventProps.drops : [...eventProps.drops, ...sessionProps.drops],
  };
}

// Most events carry no session properties: skip validating (and allocating for) an empty map.
const NO_PROPERTIES: TValidatedProperties = Object.freeze({ values: Object.freeze({}), drops: Object.freeze([]) as unknown as TPropertyDrop[] });

function hasKeys(map: object): boolean {
  for (const key in map) if (Object.hasOwn(map, key)) return true;
  return false;
}

// Client times inside `data` get the same correction as `ts`; a navigation carries its page's title and referrer.
// `data` is the split's own fresh copy, so it is corrected in place.
function correctData(type: string, out: Record<string, unknown>, beacon: TBeacon, offset: number): Record<string, unknown> {
  for (const field of ['start', 'end'] as const) {
    const value = out[field];
    if (typeof value === 'number') out[field] = correctTimestamp(value, offset) ?? undefined;
  }
  if (type === 'navigation' && beacon.page) {
    out['title'] ??= beacon.page.title;
    out['referrer'] ??= beacon.page.referrer;
  }
  return out;
}

function sessionOf(beacon: TBeacon, config: TAppConfig, client: TClientContext, rows: readonly TEventRow[]): TSessionMeta {
  return {
    applicationId: config.applicationId,
    sessionId: beacon.session,
    instanceId: beacon.instance,
    userTag: beacon.user_tag ?? null,
    ua: client.ua,
    ip: client.ip,
    screen: beacon.device?.screen ?? null,
    windowSize: beacon.device?.window ?? null,
    country: client.country,
    sessionTimeoutMs: config.sessionTimeoutMs,
    maxSessionDurationMs: config.maxSessionDurationMs,
    hasSessionEnd: rows.some((row) => row.type === 'session_end'),
  };
}
