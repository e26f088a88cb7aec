import type pg from 'pg';
import { closeLockedSessions, type TCloseResult } from './close-sessions';
import { LIVE_SESSION_COLUMNS, type TLiveSessionRow } from './live-session-row';
import { withTransaction } from './transaction';

export interface TCloseExpiredOptions {
  /** Sessions per transaction. */
  batchSize?: number;
  /** Batches in flight at once (each on its own connection; SKIP LOCKED keeps them apart). */
  parallel?: number;
  now?: number;
}

export interface TCloseExpiredResult {
  closed: number;
  alreadyClosed: number;
  empty: number;
  deliveries: number;
  batches: number;
  ms: number;
}

const DEFAULT_BATCH_SIZE = 500;

/**
 * Picks and locks one batch of live sessions past their app's inactivity timeout (`timeout`) or
 * max duration (`duration_limit`) and closes them. Rows another closer holds are skipped.
 */
export function closeExpiredBatch(pool: pg.Pool, batchSize: number, now: number): Promise<TCloseResult & { picked: number }> {
  return withTransaction(pool, async (client) => {
    const picked = await client.query<TLiveSessionRow>(
      `SELECT ${LIVE_SESSION_COLUMNS},
              CASE WHEN ls.last_ts - ls.first_ts >= coalesce(a.max_session_duration_ms, 21600000) * interval '1 millisecond'
                   THEN 'duration_limit' ELSE 'timeout' END AS reason
         FROM live_session ls
         LEFT JOIN application a ON a.id = ls.application_id
        WHERE ls.last_ts <= $1::timestamptz - coalesce(a.session_timeout_ms, 1800000) * interval '1 millisecond'
           OR ls.last_ts - ls.first_ts >= coalesce(a.max_session_duration_ms, 21600000) * interval '1 millisecond'
        ORDER BY ls.application_id, ls.session_id
        LIMIT $2
          FOR UPDATE OF ls SKIP LOCKED`,
      [new Date(now).toISOString(), batchSize],
    );
    const result = await closeLockedSessions(client, picked.rows, [], now);
    return { ...result, picked: picked.rows.length };
  });
}

/** Closes every session past its timeout now, batch after batch, until none is left. */
export async function closeExpiredSessions(pool: pg.Pool, options: TCloseExpiredOptions = {}): Promise<TCloseExpiredResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = options.now ?? Date.now();
  const started = performance.now();
  const total = { closed: 0, alreadyClosed: 0, empty: 0, deliveries: 0, batches: 0 };
  const loop = async (): Promise<void> => {
    for (;;) {
      const batch = await closeExpiredBatch(pool, batchSize, now);
      if (batch.picked === 0) return;
      total.batches += 1;
      total.closed += batch.closed.length;
      total.alreadyClosed += batch.alreadyClosed;
      total.empty += batch.empty;
      total.deliveries += batch.deliveries;
      if (batch.picked < batchSize) return;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel ?? 1) }, loop));
  return { ...total, ms: Math.round(performance.now() - started) };
}
