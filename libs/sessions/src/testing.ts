import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { stringifyWithLongs } from './json-longs';

/** Test and bench fixtures: raw rows as the collector writes them (docs/storage.md). */
export interface TFixtureEvent {
  eventId?: string;
  type: string;
  ts: number;
  url?: string | null;
  userTag?: string | null;
  data?: Record<string, unknown>;
  sessionProperties?: Record<string, unknown>;
  receivedAt?: number;
}

export const CHROME_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

export async function insertApplication(
  db: Pick<pg.Pool, 'query'>,
  settings: { sessionTimeoutMs?: number; maxSessionDurationMs?: number; id?: string } = {},
): Promise<string> {
  const id = settings.id ?? `app-${randomUUID().slice(0, 8)}`;
  await db.query(
    `INSERT INTO application (id, name, ingest_key, session_timeout_ms, max_session_duration_ms)
     VALUES ($1, $1, $2, $3, $4)`,
    [id, `key-${id}`, settings.sessionTimeoutMs ?? 1_800_000, settings.maxSessionDurationMs ?? 21_600_000],
  );
  return id;
}

/** A typical small session: a page load, an action, a request, a click and a js error. */
export function typicalEvents(startMs: number, count = 5): TFixtureEvent[] {
  const kinds: TFixtureEvent[] = [
    { type: 'navigation', ts: startMs, data: { title: 'Home' } },
    { type: 'user_action', ts: startMs + 10, data: { name: 'Loading of page /', action_type: 'load', duration: 800, timings: { lcp: 700 } } },
    { type: 'request', ts: startMs + 20, data: { method: 'GET', status: 200, duration: 30 } },
    { type: 'user_interaction', ts: startMs + 30, data: { interaction: 'click', target: 'button#buy' } },
    { type: 'error', ts: startMs + 40, data: { error_type: 'js', message: 'TypeError: x is undefined' } },
  ];
  return Array.from({ length: count }, (_, i) => {
    const base = kinds[i % kinds.length] as TFixtureEvent;
    return { ...base, ts: base.ts + Math.floor(i / kinds.length) * 1000 };
  });
}

/** Inserts events and upserts the live_session row the way one ingest batch does. */
export async function insertEvents(
  db: Pick<pg.Pool, 'query'>,
  key: { applicationId: string; sessionId: string; ua?: string },
  events: readonly TFixtureEvent[],
): Promise<void> {
  const records = events.map((event, i) => ({
    application_id: key.applicationId,
    session_id: key.sessionId,
    event_id: event.eventId ?? `${key.sessionId}-e${i}-${randomUUID().slice(0, 6)}`,
    instance_id: 'i-1',
    seq: i,
    type: event.type,
    ts: new Date(event.ts).toISOString(),
    received_at: new Date(event.receivedAt ?? Date.now()).toISOString(),
    url: event.url ?? 'https://shop.example/',
    user_tag: event.userTag ?? null,
    data: event.data ?? {},
    session_properties: event.sessionProperties ?? {},
  }));
  await db.query(
    `INSERT INTO event (application_id, session_id, event_id, instance_id, seq, type, ts, received_at, url, user_tag, data, session_properties)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(application_id text, session_id text, event_id text, instance_id text, seq int,
       type text, ts timestamptz, received_at timestamptz, url text, user_tag text, data jsonb, session_properties jsonb)
     ON CONFLICT DO NOTHING`,
    [stringifyWithLongs(records)],
  );
  const times = events.map((event) => event.ts);
  await db.query(
    `INSERT INTO live_session (application_id, session_id, instance_id, user_tag, first_ts, last_ts, event_count, ua, ip, screen, window_size, country)
     VALUES ($1, $2, 'i-1', $3, to_timestamp($4::float8 / 1000), to_timestamp($5::float8 / 1000), $6, $7, '203.0.113.0', '1920x1080', '1280x720', 'DE')
     ON CONFLICT (application_id, session_id) DO UPDATE SET
       first_ts = least(live_session.first_ts, excluded.first_ts), last_ts = greatest(live_session.last_ts, excluded.last_ts),
       event_count = live_session.event_count + excluded.event_count, user_tag = coalesce(excluded.user_tag, live_session.user_tag),
       updated_at = now()`,
    [key.applicationId, key.sessionId, events.findLast((event) => event.userTag)?.userTag ?? null, Math.min(...times), Math.max(...times), events.length, key.ua ?? CHROME_UA],
  );
}

export async function countRows(db: Pick<pg.Pool, 'query'>, table: string, applicationId: string): Promise<number> {
  const result = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE application_id = $1`, [applicationId]);
  return Number(result.rows[0]?.n ?? 0);
}

export interface TGenerateOptions {
  applicationId: string;
  sessions: number;
  eventsPerSession: number;
  /** Epoch ms of the first session's first event; sessions follow each other by 1 ms. */
  startMs: number;
  prefix?: string;
}

/**
 * Generates sessions straight into `event` and `live_session` in SQL (fast enough for a
 * million events). Event types cycle every 10: navigation, user_action, 3 requests,
 * 2 clicks, a js error, a page_summary and a session_property.
 */
export async function generateSessions(db: Pick<pg.Pool, 'query'>, options: TGenerateOptions): Promise<void> {
  const prefix = options.prefix ?? 'gen';
  const params = [options.applicationId, options.sessions, options.eventsPerSession, options.startMs, prefix];
  await db.query(
    `INSERT INTO event (application_id, session_id, event_id, instance_id, seq, type, ts, url, data, session_properties)
     SELECT $1, $5 || '-' || s, $5 || '-' || s || '-' || e, 'i-1', e,
            (ARRAY['navigation','user_action','request','request','request','user_interaction','user_interaction','error','page_summary','session_property'])[e % 10 + 1],
            to_timestamp(($4::float8 + s + e * 1000) / 1000), 'https://shop.example/p/' || (s % 50),
            CASE e % 10
              WHEN 0 THEN jsonb_build_object('title', 'Page ' || (s % 50))
              WHEN 1 THEN jsonb_build_object('name', 'Loading of page /p', 'action_type', 'load', 'duration', 200 + s % 3000, 'timings', jsonb_build_object('lcp', 100 + s % 2000))
              WHEN 7 THEN jsonb_build_object('error_type', 'js', 'message', 'TypeError ' || (s % 7))
              WHEN 5 THEN jsonb_build_object('interaction', 'click', 'target', 'button#b' || (e % 3))
              WHEN 6 THEN jsonb_build_object('interaction', 'scroll', 'target', 'body')
              ELSE jsonb_build_object('method', 'GET', 'status', 200, 'duration', 20 + e)
            END,
            CASE WHEN e % 10 = 9 THEN jsonb_build_object('plan', 'pro') ELSE '{}'::jsonb END
       FROM generate_series(1, $2::int) AS s, generate_series(0, $3::int - 1) AS e`,
    params,
  );
  await db.query(
    `INSERT INTO live_session (application_id, session_id, instance_id, first_ts, last_ts, event_count, ua, ip, screen, window_size, country)
     SELECT $1, $5 || '-' || s, 'i-1', to_timestamp(($4::float8 + s) / 1000), to_timestamp(($4::float8 + s + ($3::int - 1) * 1000) / 1000),
            $3, $6, '203.0.113.0', '1920x1080', '1280x720', 'DE'
       FROM generate_series(1, $2::int) AS s`,
    [...params, CHROME_UA],
  );
}
