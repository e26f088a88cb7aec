import { buildSessionSummary } from '@trailmark/semantic-model';
import { DEFAULT_APP_SETTINGS, loadAppSettings } from './app-settings';
import { describeUserAgent } from './client-context';
import { LIVE_SESSION_COLUMNS, type TLiveSessionRow } from './live-session-row';
import { decodeCursor, encodeCursor } from './page-cursor';
import type { TSqlReader } from './sql-reader';
import { readSessionEvents } from './read-events';
import { keyOf } from './session-key';
import { ZLiveSessionsQuery, type TLiveSession, type TLiveSessionPage, type TLiveSessionsQuery } from './session-views';

/** Open sessions, most recently active first, each with provisional aggregates of its events so far. */
export async function listLiveSessions(db: TSqlReader, query: TLiveSessionsQuery, now = Date.now()): Promise<TLiveSessionPage> {
  const { applicationId, cursor, limit } = ZLiveSessionsQuery.parse(query);
  const after = decodeCursor(cursor);
  const rows = await db.rows<TLiveSessionRow>(
    `SELECT ${LIVE_SESSION_COLUMNS} FROM live_session ls
      WHERE ls.application_id = $1
        AND ($2::float8 IS NULL OR (ls.last_ts, ls.session_id) < (to_timestamp($2::float8 / 1000), $3::text))
      ORDER BY ls.last_ts DESC, ls.session_id DESC
      LIMIT $4`,
    [applicationId, after?.ms ?? null, after?.sessionId ?? '', limit + 1],
  );
  const page = rows.slice(0, limit);
  const events = await readSessionEvents(db, page.map((row) => ({ applicationId, sessionId: row.session_id })));
  const settings = (await loadAppSettings(db, [applicationId])).get(applicationId) ?? DEFAULT_APP_SETTINGS;
  const items = page.flatMap((row) => {
    const sessionEvents = events.get(keyOf(applicationId, row.session_id)) ?? [];
    return sessionEvents.length === 0 ? [] : [toLiveSession(row, sessionEvents, settings, now)];
  });
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(Number(last.last_ms), last.session_id) : null };
}

function toLiveSession(
  row: TLiveSessionRow,
  events: Parameters<typeof buildSessionSummary>[0]['events'],
  settings: typeof DEFAULT_APP_SETTINGS,
  now: number,
): TLiveSession {
  const summary = buildSessionSummary({
    context: {
      applicationId: row.application_id,
      sessionId: row.session_id,
      endReason: 'timeout',
      ...describeUserAgent(row.ua),
      screen: row.screen,
      windowSize: row.window_size,
      ip: row.ip,
      country: row.country,
    },
    events,
    definitions: settings.definitions,
    now,
    maxSessionDurationMs: settings.maxSessionDurationMs,
  });
  const { end_reason: _reason, end_time: _end, ...rest } = summary;
  return { ...rest, provisional: true, last_activity: summary.end_time, event_count: events.length };
}
