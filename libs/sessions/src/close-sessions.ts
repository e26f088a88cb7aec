import type pg from 'pg';
import {
  buildChildRows,
  compareEvents,
  buildSessionSummary,
  type TChildRows,
  type TEndReason,
  type TStoredEvent,
} from '@trailmark/semantic-model';
import { DEFAULT_APP_SETTINGS, loadAppSettings, type TAppSettings } from './app-settings';
import { toChildColumns, USER_ACTION_COLUMNS, USER_ERROR_COLUMNS, USER_EVENT_COLUMNS } from './child-records';
import { describeUserAgent } from './client-context';
import { stringifyWithLongs } from './json-longs';
import { LIVE_SESSION_COLUMNS, type TLiveSessionRow } from './live-session-row';
import { readEventsForClose } from './read-events';
import { SESSION_COLUMNS, toSessionRecord } from './session-record';
import { pgReader } from './sql-reader';
import { keyArrays, keyOf, type TSessionKey } from './session-key';
import { withTransaction } from './transaction';
import { arrayLiteral, unnestInsertSql, type TArrayElement } from './unnest-sql';

export interface TCloseRequest extends TSessionKey {
  reason: TEndReason;
}

export interface TCloseResult {
  /** Sessions whose summary this call wrote. */
  closed: TSessionKey[];
  /** Requested sessions that already had a summary (or no live row): their newer events were marked late. */
  alreadyClosed: number;
  /** `timeout` requests for sessions with activity since: left open, due at `dueAt` (epoch ms). */
  notDue: Array<TSessionKey & { dueAt: number }>;
  /** Live sessions with no events left (nothing to summarise): removed without a row. */
  empty: number;
  /** Export deliveries queued in the outbox by this close. */
  deliveries: number;
}

export interface TCloseOptions {
  /** Epoch ms of the close; defaults to now. */
  now?: number;
}

const INSERT_SESSIONS = unnestInsertSql('session', SESSION_COLUMNS, 'ON CONFLICT DO NOTHING RETURNING application_id, session_id');
const INSERT_USER_ACTIONS = unnestInsertSql('user_action', USER_ACTION_COLUMNS, 'ON CONFLICT DO NOTHING');
const INSERT_USER_EVENTS = unnestInsertSql('user_event', USER_EVENT_COLUMNS, 'ON CONFLICT DO NOTHING');
const INSERT_USER_ERRORS = unnestInsertSql('user_error', USER_ERROR_COLUMNS, 'ON CONFLICT DO NOTHING');

/**
 * Closes the given sessions in one transaction: locks their live rows (waiting for a concurrent
 * ingest batch to commit, so its events are in), writes summary and child rows once, removes
 * the live rows. Running it again for the same sessions changes nothing but late flags.
 */
export function closeSessions(pool: pg.Pool, requests: readonly TCloseRequest[], options: TCloseOptions = {}): Promise<TCloseResult> {
  const unique = dedupeRequests(requests);
  return withTransaction(pool, async (client) => {
    const [applicationIds, sessionIds] = keyArrays(unique);
    const locked = await client.query<TLiveSessionRow>(
      `SELECT ${LIVE_SESSION_COLUMNS}
         FROM live_session ls
         JOIN unnest($1::text[], $2::text[]) AS k(application_id, session_id)
           ON ls.application_id = k.application_id AND ls.session_id = k.session_id
        ORDER BY ls.application_id, ls.session_id
          FOR UPDATE OF ls`,
      [applicationIds, sessionIds],
    );
    const reasons = new Map(unique.map((request) => [keyOf(request.applicationId, request.sessionId), request.reason]));
    const rows = locked.rows.map((row) => ({ ...row, reason: reasons.get(keyOf(row.application_id, row.session_id)) ?? 'timeout' }));
    return closeLockedSessions(client, rows, unique, options.now ?? Date.now());
  });
}

/** One duplicate key per batch: an explicit reason wins over `timeout`. */
function dedupeRequests(requests: readonly TCloseRequest[]): TCloseRequest[] {
  const byKey = new Map<string, TCloseRequest>();
  for (const request of requests) {
    const key = keyOf(request.applicationId, request.sessionId);
    const seen = byKey.get(key);
    if (!seen || seen.reason === 'timeout') byKey.set(key, request);
  }
  return [...byKey.values()];
}

/** The shared second half of every close path; `rows` are locked by the caller's transaction. */
export async function closeLockedSessions(
  client: pg.PoolClient,
  rows: readonly TLiveSessionRow[],
  requested: readonly TSessionKey[],
  now: number,
): Promise<TCloseResult> {
  const settings = await loadAppSettings(pgReader(client), [...new Set(rows.map((row) => row.application_id))]);
  const settingsOf = (row: TLiveSessionRow) => settings.get(row.application_id) ?? DEFAULT_APP_SETTINGS;
  const due = rows.filter((row) => isDue(row, settingsOf(row), now));
  const withSessionProperties = new Set([...settings].filter(([, app]) => app.definitions.length > 0).map(([id]) => id));
  const events = await readEventsForClose(client, due.map(toKey), { withSessionProperties });
  const built = buildAll(due, events, settingsOf, now);
  const closed = await insertSummaries(client, built);
  const closedKeys = new Set(closed.map((key) => keyOf(key.applicationId, key.sessionId)));
  await insertChildren(client, built.filter((entry) => closedKeys.has(entry.key)).map((entry) => entry.children));
  const deliveries = await queueDeliveries(client, closed);
  const notDue = rows.filter((row) => !due.includes(row));
  const settled = new Set([...closedKeys, ...notDue.map((row) => keyOf(row.application_id, row.session_id))]);
  const builtKeys = new Set(built.map((entry) => entry.key));
  const emptyKeys = due.filter((row) => !builtKeys.has(keyOf(row.application_id, row.session_id))).map(toKey);
  for (const key of emptyKeys) settled.add(keyOf(key.applicationId, key.sessionId));
  const previouslyClosed = dedupeKeys([...requested, ...due.map(toKey)]).filter((key) => !settled.has(keyOf(key.applicationId, key.sessionId)));
  await markLateEvents(client, previouslyClosed);
  await deleteLiveRows(client, due.map(toKey));
  const stillOpen = notDue.map((row) => ({ ...toKey(row), dueAt: row.last_ms + settingsOf(row).sessionTimeoutMs }));
  return { closed, alreadyClosed: previouslyClosed.length, notDue: stillOpen, empty: emptyKeys.length, deliveries };
}

function toKey(row: TLiveSessionRow): TSessionKey {
  return { applicationId: row.application_id, sessionId: row.session_id };
}

function dedupeKeys(keys: readonly TSessionKey[]): TSessionKey[] {
  return [...new Map(keys.map((key) => [keyOf(key.applicationId, key.sessionId), key])).values()];
}

/** A `timeout` close is re-checked: after activity since the job was scheduled, its job waits again until the new due time. */
function isDue(row: TLiveSessionRow, settings: TAppSettings, now: number): boolean {
  if (row.reason !== 'timeout') return true;
  return row.last_ms + settings.sessionTimeoutMs <= now;
}

interface TBuilt {
  key: string;
  record: Record<string, unknown>;
  children: TChildRows;
}

function buildAll(
  due: readonly TLiveSessionRow[],
  events: Map<string, TStoredEvent[]>,
  settingsOf: (row: TLiveSessionRow) => TAppSettings,
  now: number,
): TBuilt[] {
  const built: TBuilt[] = [];
  for (const row of due) {
    const key = keyOf(row.application_id, row.session_id);
    const sessionEvents = events.get(key);
    if (!sessionEvents || sessionEvents.length === 0) continue;
    // The builders order events themselves; handing them over in order makes each of their sorts one pass.
    sessionEvents.sort(compareEvents);
    built.push(buildOne(row, sessionEvents, settingsOf(row), now, key));
  }
  return built;
}

function buildOne(row: TLiveSessionRow, events: TStoredEvent[], settings: TAppSettings, now: number, key: string): TBuilt {
  const client = describeUserAgent(row.ua);
  const summary = buildSessionSummary({
    context: {
      applicationId: row.application_id,
      sessionId: row.session_id,
      endReason: row.reason ?? 'timeout',
      ...client,
      screen: row.screen,
      windowSize: row.window_size,
      ip: row.ip,
      country: row.country,
      isp: null,
    },
    events,
    definitions: settings.definitions,
    now,
    maxSessionDurationMs: settings.maxSessionDurationMs,
  });
  const children = buildChildRows({
    events,
    session: { applicationId: row.application_id, sessionId: row.session_id, sessionStartTime: summary.start_time },
    apdexThresholdMs: settings.apdexThresholdMs,
  });
  return { key, record: toSessionRecord(summary, client), children };
}

async function insertSummaries(client: pg.PoolClient, built: readonly TBuilt[]): Promise<TSessionKey[]> {
  if (built.length === 0) return [];
  const parameters = SESSION_COLUMNS.map(([name]) =>
    arrayLiteral(built.map((entry) => (name === 'properties' ? stringifyWithLongs(entry.record[name]) : (entry.record[name] as TArrayElement)))),
  );
  const result = await client.query<{ application_id: string; session_id: string }>(INSERT_SESSIONS, parameters);
  return result.rows.map((row) => ({ applicationId: row.application_id, sessionId: row.session_id }));
}

async function insertChildren(client: pg.PoolClient, children: readonly TChildRows[]): Promise<void> {
  const columns = toChildColumns(children);
  if (columns.userActions.length > 0) await client.query(INSERT_USER_ACTIONS, columns.userActions.toParameters());
  if (columns.userEvents.length > 0) await client.query(INSERT_USER_EVENTS, columns.userEvents.toParameters());
  if (columns.userErrors.length > 0) await client.query(INSERT_USER_ERRORS, columns.userErrors.toParameters());
}

/** The export outbox: one pending delivery per enabled stream of the session's application. */
async function queueDeliveries(client: pg.PoolClient, closed: readonly TSessionKey[]): Promise<number> {
  if (closed.length === 0) return 0;
  const result = await client.query(
    `INSERT INTO export_delivery (stream_id, application_id, session_id)
     SELECT es.id, k.application_id, k.session_id
       FROM unnest($1::text[], $2::text[]) AS k(application_id, session_id)
       JOIN export_stream es ON es.application_id = k.application_id AND es.enabled
     ON CONFLICT DO NOTHING`,
    keyArrays(closed),
  );
  return result.rowCount ?? 0;
}

/**
 * Events stored after their session's summary was written are late: flagged, never summarised.
 * "After" is by arrival time against the summary's closed_at.
 */
async function markLateEvents(client: pg.PoolClient, keys: readonly TSessionKey[]): Promise<void> {
  if (keys.length === 0) return;
  await client.query(
    `UPDATE event e SET is_late = true
       FROM unnest($1::text[], $2::text[]) AS k(application_id, session_id)
       JOIN session s ON s.application_id = k.application_id AND s.session_id = k.session_id
      WHERE e.application_id = s.application_id AND e.session_id = s.session_id
        AND NOT e.is_late AND e.received_at > s.closed_at`,
    keyArrays(keys),
  );
}

async function deleteLiveRows(client: pg.PoolClient, keys: readonly TSessionKey[]): Promise<void> {
  if (keys.length === 0) return;
  await client.query(
    `DELETE FROM live_session ls
      USING unnest($1::text[], $2::text[]) AS k(application_id, session_id)
      WHERE ls.application_id = k.application_id AND ls.session_id = k.session_id`,
    keyArrays(keys),
  );
}
