import { TrailmarkError } from '@trailmark/errors';
import { decodeCursor, encodeCursor } from './page-cursor';
import { SESSION_SELECT, toSessionSummary, type TSessionRow } from './session-record';
import {
  ZSessionGetQuery,
  ZSessionListQuery,
  type TClosedSession,
  type TSessionDetail,
  type TSessionGetQuery,
  type TSessionListQuery,
  type TSessionPage,
} from './session-views';
import type { TSqlReader } from './sql-reader';

const TIMELINE_LIMIT = 2000;

function toClosedSession(row: TSessionRow): TClosedSession {
  return { ...toSessionSummary(row), closed_at: Number(row.closed_ms) };
}

/** Closed sessions of an application, newest start first. */
export async function listClosedSessions(db: TSqlReader, query: TSessionListQuery): Promise<TSessionPage> {
  const { applicationId, cursor, limit, includeInvalid } = ZSessionListQuery.parse(query);
  const after = decodeCursor(cursor);
  const rows = await db.rows<TSessionRow>(
    `SELECT ${SESSION_SELECT} FROM session s
      WHERE s.application_id = $1 AND ($2::boolean OR NOT s.is_invalid)
        AND ($3::float8 IS NULL OR (s.start_time, s.session_id) < (to_timestamp($3::float8 / 1000), $4::text))
      ORDER BY s.start_time DESC, s.session_id DESC
      LIMIT $5`,
    [applicationId, includeInvalid, after?.ms ?? null, after?.sessionId ?? '', limit + 1],
  );
  const items = rows.slice(0, limit).map(toClosedSession);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.start_time, last.session_id) : null };
}

/** One stored summary, or null. */
export async function findSessionSummary(db: TSqlReader, applicationId: string, sessionId: string): Promise<TClosedSession | null> {
  const rows = await db.rows<TSessionRow>(`SELECT ${SESSION_SELECT} FROM session s WHERE s.application_id = $1 AND s.session_id = $2`, [
    applicationId,
    sessionId,
  ]);
  return rows[0] ? toClosedSession(rows[0]) : null;
}

/** A closed session's summary and its events timeline, late events included and flagged. */
export async function getSessionDetail(db: TSqlReader, query: TSessionGetQuery): Promise<TSessionDetail> {
  const { applicationId, sessionId } = ZSessionGetQuery.parse(query);
  const session = await findSessionSummary(db, applicationId, sessionId);
  if (!session) throw new TrailmarkError('NOT_FOUND', `no closed session ${sessionId} in application ${applicationId}`);
  const events = await db.rows<{ event_id: string; type: string; ts: number; url: string | null; is_late: boolean; data: Record<string, unknown>; properties: Record<string, unknown> }>(
    `SELECT event_id, type, (extract(epoch FROM ts) * 1000)::float8 AS ts, url, is_late, data, properties
       FROM event WHERE application_id = $1 AND session_id = $2
      ORDER BY ts, event_id LIMIT $3`,
    [applicationId, sessionId, TIMELINE_LIMIT + 1],
  );
  return {
    session,
    events: events.slice(0, TIMELINE_LIMIT).map((event) => ({ ...event, ts: Number(event.ts) })),
    isTruncated: events.length > TIMELINE_LIMIT,
  };
}
