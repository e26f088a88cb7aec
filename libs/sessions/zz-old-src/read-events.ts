import type { TStoredEvent } from '@trailmark/semantic-model';
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
