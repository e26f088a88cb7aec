import type { TEventRow, TSessionMeta } from './prepare-beacon';

// How a commit's per-session aggregate merges into the session's live row (both commit paths).
const LIVE_SESSION_ON_CONFLICT = `  ON CONFLICT (application_id, session_id) DO UPDATE SET
    instance_id = EXCLUDED.instance_id,
    user_tag = COALESCE(EXCLUDED.user_tag, l.user_tag),
    first_ts = LEAST(l.first_ts, EXCLUDED.first_ts),
    last_ts = GREATEST(l.last_ts, EXCLUDED.last_ts),
    event_count = l.event_count + EXCLUDED.event_count,
    ua = COALESCE(EXCLUDED.ua, l.ua),
    ip = COALESCE(EXCLUDED.ip, l.ip),
    screen = COALESCE(EXCLUDED.screen, l.screen),
    window_size = COALESCE(EXCLUDED.window_size, l.window_size),
    country = COALESCE(EXCLUDED.country, l.country),
    updated_at = now()`;

/**
 * What session tracking needs to know of the session's live row before this commit. `is_new`:
 * this commit created it. A fresh row's count is exactly this commit's events, an updated one's is more;
 * unlike `prev`, this holds when another collector's commit of the session is in flight. `idle_ms`:
 * how long since the row was last updated, by Postgres' clock (null when `prev` cannot see it).
 */
const SESSION_ACTIVITY_COLUMNS = `up.event_count = agg.n AS is_new, (extract(epoch FROM now() - prev.updated_at) * 1000)::float8 AS idle_ms`;

const EVENT_COLUMNS = 'application_id, session_id, event_id, instance_id, seq, type, ts, url, user_tag, data, properties, session_properties';

/**
 * The fast commit path, in one transaction: COPY the events straight into `event`, then upsert
 * live_session from the per-session aggregate the collector computed (every row was inserted,
 * or the COPY failed). COPY costs Postgres about half of INSERT … SELECT from a JSON document;
 * it has no ON CONFLICT, so a batch with an already stored event fails with 23505 and is
 * committed again by COMMIT_SQL, which skips duplicates.
 */
export const COPY_EVENTS_SQL = `COPY event (${EVENT_COLUMNS}) FROM STDIN`;

export const LIVE_SESSION_UPSERT_SQL = `
WITH agg AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::int[],
                       $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
    AS a(application_id, session_id, instance_id, user_tag, first_ms, last_ms, n, ua, ip, screen, window_size, country)
),
prev AS (
  SELECT l.application_id, l.session_id, l.user_tag, l.updated_at FROM live_session l JOIN agg USING (application_id, session_id)
),
up AS (
  INSERT INTO live_session AS l (application_id, session_id, instance_id, user_tag, first_ts, last_ts, event_count,
                                 ua, ip, screen, window_size, country, updated_at)
  SELECT application_id, session_id, instance_id, user_tag, to_timestamp(first_ms / 1000), to_timestamp(last_ms / 1000), n,
         ua, ip, screen, window_size, country, now()
  FROM agg ORDER BY application_id, session_id
${LIVE_SESSION_ON_CONFLICT}
  RETURNING application_id, session_id, first_ts, last_ts, user_tag, event_count
)
SELECT up.application_id, up.session_id, NULL::text[] AS ids,
       (extract(epoch FROM up.first_ts) * 1000)::float8 AS first_ms,
       (extract(epoch FROM up.last_ts) * 1000)::float8 AS last_ms,
       up.user_tag, prev.user_tag AS prev_user_tag, ${SESSION_ACTIVITY_COLUMNS}
FROM up JOIN agg USING (application_id, session_id) LEFT JOIN prev USING (application_id, session_id)`;

/**
 * The fallback commit path, one statement per group commit (atomic without BEGIN/COMMIT, one round trip): insert the
 * events, skip the ones already stored, and upsert live_session from what was really inserted.
 * `prev` reads live_session in the statement's snapshot, i.e. before the upsert, which is how a
 * user-tag change is detected. Rows arrive sorted by key so concurrent commits lock in one order.
 */
export const COMMIT_SQL = `
WITH input AS (
  SELECT a AS application_id, s AS session_id, e AS event_id, i AS instance_id, q AS seq, y AS type, to_timestamp(t / 1000) AS ts,
         u AS url, g AS user_tag, d AS data, p AS properties, x AS session_properties
  FROM jsonb_to_recordset($1::jsonb)
    AS r(a text, s text, e text, i text, q int, y text, t float8, u text, g text, d jsonb, p jsonb, x jsonb)
),
ins AS (
  INSERT INTO event (${EVENT_COLUMNS})
  SELECT * FROM input ORDER BY application_id, session_id, event_id
  ON CONFLICT (application_id, session_id, event_id) DO NOTHING
  RETURNING application_id, session_id, event_id, ts
),
agg AS (
  SELECT application_id, session_id, array_agg(event_id) AS ids, min(ts) AS first_ts, max(ts) AS last_ts, count(*)::int AS n
  FROM ins GROUP BY application_id, session_id
),
meta AS (
  SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[])
    AS m(application_id, session_id, instance_id, user_tag, ua, ip, screen, window_size, country, submitted)
),
prev AS (
  SELECT l.application_id, l.session_id, l.user_tag, l.updated_at FROM live_session l JOIN agg USING (application_id, session_id)
),
up AS (
  INSERT INTO live_session AS l (application_id, session_id, instance_id, user_tag, first_ts, last_ts, event_count,
                                 ua, ip, screen, window_size, country, updated_at)
  SELECT a.application_id, a.session_id, m.instance_id, m.user_tag, a.first_ts, a.last_ts, a.n,
         m.ua, m.ip, m.screen, m.window_size, m.country, now()
  FROM agg a JOIN meta m USING (application_id, session_id)
  ORDER BY a.application_id, a.session_id
${LIVE_SESSION_ON_CONFLICT}
  RETURNING application_id, session_id, first_ts, last_ts, user_tag, event_count
)
SELECT up.application_id, up.session_id, CASE WHEN agg.n = m.submitted THEN NULL ELSE agg.ids END AS ids,
       (extract(epoch FROM up.first_ts) * 1000)::float8 AS first_ms,
       (extract(epoch FROM up.last_ts) * 1000)::float8 AS last_ms,
       up.user_tag, prev.user_tag AS prev_user_tag, ${SESSION_ACTIVITY_COLUMNS}
FROM up JOIN agg USING (application_id, session_id) JOIN meta m USING (application_id, session_id)
LEFT JOIN prev USING (application_id, session_id)`;

export interface TCommitRow {
  application_id: string;
  session_id: string;
  /** The session's inserted event ids; null when all its submitted rows were inserted (the usual case, so not sent). */
  ids: string[] | null;
  first_ms: number;
  last_ms: number;
  user_tag: string | null;
  prev_user_tag: string | null;
  is_new: boolean;
  idle_ms: number | null;
}

const str = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/**
 * The events as one JSON array of records for `jsonb_to_recordset`. Their `data` and properties
 * are JSON already and go in as they are. Keys are one letter and `ts` is epoch ms: the text is
 * a third shorter, which is less to build here, to send, and for Postgres to parse. Rows arrive
 * sorted, so the strings a beacon's rows share (application, session, instance, page URL) are
 * escaped once per run of equal values rather than once per row. jsonb, not json: the text is
 * parsed once, where `json_to_recordset` parses every record's jsonb columns again.
 */
export function eventsJson(rows: readonly TEventRow[]): string {
  let out = '';
  const last = { applicationId: '', applicationJson: '', sessionId: '', sessionJson: '', instanceId: '', instanceJson: '', url: null as string | null, urlJson: 'null', userTag: null as string | null, userTagJson: 'null' };
  for (const r of rows) {
    if (r.applicationId !== last.applicationId) [last.applicationId, last.applicationJson] = [r.applicationId, str(r.applicationId)];
    if (r.sessionId !== last.sessionId) [last.sessionId, last.sessionJson] = [r.sessionId, str(r.sessionId)];
    if (r.instanceId !== last.instanceId) [last.instanceId, last.instanceJson] = [r.instanceId, str(r.instanceId)];
    if (r.url !== last.url) [last.url, last.urlJson] = [r.url, str(r.url)];
    if (r.userTag !== last.userTag) [last.userTag, last.userTagJson] = [r.userTag, str(r.userTag)];
    out += `${out === '' ? '[' : ','}{"a":${last.applicationJson},"s":${last.sessionJson},"e":${str(r.eventId)},"i":${last.instanceJson},"q":${r.seq},"y":${typeJson(r.type)},"t":${r.ts},"u":${last.urlJson},"g":${last.userTagJson},"d":${r.data},"p":${r.properties},"x":${r.sessionProperties}}`;
  }
  return out === '' ? '[]' : `${out}]`;
}

// Event types are the protocol's few names (the beacon schema admits no others).
const TYPE_JSON = new Map<string, string>();
function typeJson(type: string): string {
  let json = TYPE_JSON.get(type);
  if (json === undefined) TYPE_JSON.set(type, (json = str(type)));
  return json;
}

/** A session of the batch: how many distinct rows it submitted, and their first and last ts. */
export interface TBatchSession {
  meta: TSessionMeta;
  submitted: number;
  firstTs: number;
  lastTs: number;
}

const metaColumn = <T>(sessions: readonly TBatchSession[], pick: (session: TSessionMeta) => T) => sessions.map((session) => pick(session.meta));

export function commitParams(rows: readonly TEventRow[], sessions: readonly TBatchSession[]): unknown[] {
  const meta = <T>(pick: (session: TSessionMeta) => T) => metaColumn(sessions, pick);
  return [
    eventsJson(rows),
    meta((s) => s.applicationId),
    meta((s) => s.sessionId),
    meta((s) => s.instanceId),
    meta((s) => s.userTag),
    meta((s) => s.ua),
    meta((s) => s.ip),
    meta((s) => s.screen),
    meta((s) => s.windowSize),
    meta((s) => s.country),
    sessions.map((session) => session.submitted),
  ];
}

// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL_ALL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIAL_ALL, (c) => COPY_ESCAPES[c] as string) : value;
}

/** JSON text never holds a raw tab, newline or carriage return (JSON escapes them): only backslashes need doubling. */
function copyJson(json: string): string {
  return json.indexOf('\\') === -1 ? json : json.replaceAll('\\', '\\\\');
}

const DAY_MS = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/**
 * Epoch ms as ISO 8601 UTC, the way Postgres reads it. A batch's events share a few days, so the
 * date part is formatted once per day (toISOString per row cost more than the rest of the row);
 * a year past 9999 comes without toISOString's leading '+'.
 */
function createTimestampFormatter(): (ms: number) => string {
  let day = Number.NaN;
  let datePart = '';
  return (ms) => {
    const msOfDay = ms % DAY_MS;
    if (ms - msOfDay !== day) {
      day = ms - msOfDay;
      const iso = new Date(day).toISOString();
      datePart = iso.slice(iso.charCodeAt(0) === 43 ? 1 : 0, iso.indexOf('T') + 1);
    }
    const seconds = Math.floor(msOfDay / 1000);
    return `${datePart}${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}.${pad3(msOfDay % 1000)}Z`;
  };
}

/** The rows as COPY text, columns in EVENT_COLUMNS order; strings a run of rows shares are escaped once. */
export function eventsCopyText(rows: readonly TEventRow[]): string {
  const timestamp = createTimestampFormatter();
  let out = '';
  const last = { applicationId: '', sessionId: '', prefix: '', instanceId: '', instance: '', url: null as string | null, urlText: '\\N', userTag: null as string | null, userTagText: '\\N' };
  for (const r of rows) {
    if (r.applicationId !== last.applicationId || r.sessionId !== last.sessionId) {
      [last.applicationId, last.sessionId, last.prefix] = [r.applicationId, r.sessionId, `${copyField(r.applicationId)}\t${copyField(r.sessionId)}\t`];
    }
    if (r.instanceId !== last.instanceId) [last.instanceId, last.instance] = [r.instanceId, copyField(r.instanceId)];
    if (r.url !== last.url) [last.url, last.urlText] = [r.url, copyField(r.url)];
    if (r.userTag !== last.userTag) [last.userTag, last.userTagText] = [r.userTag, copyField(r.userTag)];
    out += `${last.prefix}${copyField(r.eventId)}\t${last.instance}\t${r.seq}\t${copyField(r.type)}\t${timestamp(r.ts)}\t${last.urlText}\t${last.userTagText}\t${copyJson(r.data)}\t${copyJson(r.properties)}\t${copyJson(r.sessionProperties)}\n`;
  }
  return out;
}

/** One live_session aggregate per session of a batch whose rows were all inserted. */
export function liveSessionParams(sessions: readonly TBatchSession[]): unknown[] {
  const meta = <T>(pick: (session: TSessionMeta) => T) => metaColumn(sessions, pick);
  return [
    meta((s) => s.applicationId),
    meta((s) => s.sessionId),
    meta((s) => s.instanceId),
    meta((s) => s.userTag),
    sessions.map((session) => session.firstTs),
    sessions.map((session) => session.lastTs),
    sessions.map((session) => session.submitted),
    meta((s) => s.ua),
    meta((s) => s.ip),
    meta((s) => s.screen),
    meta((s) => s.windowSize),
    meta((s) => s.country),
  ];
}
