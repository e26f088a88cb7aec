import type { TStoredEvent } from '@trailmark/semantic-model';
import type pg from 'pg';
import { LONG_SAFE_TYPES } from './pg-types';
import { keyOf, type TSessionKey } from './session-key';
import type { TSqlReader } from './sql-reader';

interface TEventRow {
  application_id: string;
  session_id: string;
  event_id: string;
  instance_id: string;
  type: string;
  ts: number;
  user_tag: string | null;
  url: string | null;
  data: Record<string, unknown>;
  properties: TStoredEvent['properties'];
  session_properties: TStoredEvent['sessionProperties'];
}

/** The not-late events of many sessions in one query, grouped by session key. */
export async function readSessionEvents(db: TSqlReader, keys: readonly TSessionKey[]): Promise<Map<string, TStoredEvent[]>> {
  const bySession = new Map<string, TStoredEvent[]>();
  if (keys.length === 0) return bySession;
  const rows: TEventRow[] = [];
  for (const [applicationId, sessionIds] of groupByApplication(keys)) {
    // `= ANY` on the primary key's second column keeps this an index scan; a join on unnest()
    // gets planned as a hash join over the whole of `event`.
    const found = await db.rows<TEventRow>(
      `SELECT e.application_id, e.session_id, e.event_id, e.instance_id, e.type,
              (extract(epoch FROM e.ts) * 1000)::float8 AS ts, e.user_tag, e.url, e.data, e.properties, e.session_properties
         FROM event e
        WHERE e.application_id = $1 AND e.session_id = ANY($2::text[]) AND NOT e.is_late`,
      [applicationId, sessionIds],
    );
    for (const row of found) rows.push(row);
  }
  for (const row of rows) {
    const key = keyOf(row.application_id, row.session_id);
    let events = bySession.get(key);
    if (!events) bySession.set(key, (events = []));
    events.push({
      eventId: row.event_id,
      type: row.type,
      ts: Number(row.ts),
      instanceId: row.instance_id,
      userTag: row.user_tag,
      url: row.url,
      data: row.data ?? {},
      properties: row.properties ?? {},
      sessionProperties: row.session_properties ?? {},
    });
  }
  return bySession;
}

function groupByApplication(keys: readonly TSessionKey[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const sessionIds = groups.get(key.applicationId);
    if (sessionIds) sessionIds.push(key.sessionId);
    else groups.set(key.applicationId, [key.sessionId]);
  }
  return groups;
}

/** Which event columns a close needs beyond those every event carries. */
export interface TCloseReadOptions {
  /** Applications with session-scoped property definitions: only their events' session_properties are read. */
  withSessionProperties: ReadonlySet<string>;
}

type TCloseEventRow = [
  sessionId: string,
  eventId: string,
  instanceId: string,
  type: string,
  ts: number,
  userTag: string | null,
  url: string | null,
  data: Record<string, unknown> | null,
  properties: TStoredEvent['properties'] | null,
  sessionProperties?: TStoredEvent['sessionProperties'] | null,
];

// The builders (libs/semantic-model) read `data` and `url` only of navigation, user_action,
// user_interaction and error events and of events carrying a user tag (a UserTag row takes its
// referrer and page); the other events only count, bound and order the session. `properties` are
// read only of user_action events (copied onto their rows), `session_properties` only through the
// application's session-property definitions. Everything else is left out of the read (null, read
// as `{}`): text Postgres would render and Node would decode and parse. Keep this in step with the
// builders. `ts` is exact epoch ms either way: in the years 1900..9999 the float8 route gives the
// same numbers as the numeric one at a fraction of its cost. Rows come back as arrays (no per-row
// object with named keys to build).
const WITH_CONTENT = `(e.type IN ('navigation', 'user_action', 'user_interaction', 'error') OR e.user_tag <> '')`;

function closeEventsSql(withSessionProperties: boolean): string {
  return `SELECT e.session_id, e.event_id, e.instance_id, e.type,
                 CASE WHEN e.ts >= '1900-01-01T00:00:00Z' AND e.ts < '9999-01-01T00:00:00Z' THEN round(date_part('epoch', e.ts) * 1000)
                      ELSE (extract(epoch FROM e.ts) * 1000)::float8 END AS ts,
                 e.user_tag,
                 CASE WHEN ${WITH_CONTENT} THEN e.url END AS url,
                 CASE WHEN ${WITH_CONTENT} THEN e.data END AS data,
                 CASE WHEN e.type = 'user_action' THEN e.properties END AS properties
                 ${withSessionProperties ? `, CASE WHEN e.session_properties <> '{}'::jsonb THEN e.session_properties END AS session_properties` : ''}
            FROM event e
           WHERE e.application_id = $1 AND e.session_id = ANY($2::text[]) AND NOT e.is_late`;
}
const CLOSE_EVENTS_SQL = closeEventsSql(false);
const CLOSE_EVENTS_WITH_SESSION_PROPERTIES_SQL = closeEventsSql(true);
const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

/**
 * The close path's read: the not-late events of many sessions, grouped by session key, with the
 * fields the summary and child-row builders use (the same values `readSessionEvents` gives them).
 */
export async function readEventsForClose(
  db: Pick<pg.PoolClient, 'query'>,
  keys: readonly TSessionKey[],
  options: TCloseReadOptions,
): Promise<Map<string, TStoredEvent[]>> {
  const bySession = new Map<string, TStoredEvent[]>();
  for (const [applicationId, sessionIds] of groupByApplication(keys)) {
    const result = await db.query<TCloseEventRow>({
      text: options.withSessionProperties.has(applicationId) ? CLOSE_EVENTS_WITH_SESSION_PROPERTIES_SQL : CLOSE_EVENTS_SQL,
      values: [applicationId, sessionIds],
      types: LONG_SAFE_TYPES,
      rowMode: 'array',
    });
    const groups = new Map<string, TStoredEvent[]>();
    for (const row of result.rows) {
      const sessionId = row[0];
      let events = groups.get(sessionId);
      if (!events) groups.set(sessionId, (events = []));
      events.push({
        eventId: row[1],
        type: row[3],
        ts: Number(row[4]),
        instanceId: row[2],
        userTag: row[5],
        url: row[6],
        data: row[7] ?? EMPTY,
        properties: row[8] ?? EMPTY,
        sessionProperties: row[9] ?? EMPTY,
      });
    }
    for (const [sessionId, events] of groups) bySession.set(keyOf(applicationId, sessionId), events);
  }
  return bySession;
}
