import type pg from 'pg';
import { findSessionSummary, pgReader, stringifyWithLongs } from '@trailmark/sessions';
import { TrailmarkError } from '@trailmark/errors';
import { postWebhook } from './post-webhook';
import { SIGNATURE_HEADER, signPayload } from './signature';

export interface TDeliverOptions {
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
  timeoutMs: number;
}

export type TDeliverOutcome = 'delivered' | 'retry' | 'dead' | 'gone';

interface TDeliveryTarget {
  id: string;
  status: string;
  application_id: string;
  session_id: string;
  url: string;
  secret: string;
  enabled: boolean;
}

/**
 * One delivery attempt: posts the session's §6.2 summary, signed, and logs the attempt on the
 * delivery row. The last failed attempt dead-letters it.
 */
export async function deliverExport(pool: pg.Pool, deliveryId: string, options: TDeliverOptions): Promise<TDeliverOutcome> {
  const target = await loadTarget(pool, deliveryId);
  if (!target || target.status !== 'pending') return 'gone';
  const summary = await findSessionSummary(pgReader(pool), target.application_id, target.session_id);
  if (!summary) throw new TrailmarkError('NOT_FOUND', `session ${target.session_id} of delivery ${deliveryId} has no summary`);
  const { closed_at: _closedAt, ...payload } = summary;
  const body = stringifyWithLongs(payload);
  const result = target.enabled
    ? await postWebhook(target.url, body, { [SIGNATURE_HEADER]: signPayload(target.secret, body), 'x-trailmark-delivery': deliveryId }, options.timeoutMs)
    : { isOk: false, status: null, error: 'stream disabled' };
  const outcome: TDeliverOutcome = result.isOk ? 'delivered' : options.attempt >= options.maxAttempts || !target.enabled ? 'dead' : 'retry';
  await recordAttempt(pool, deliveryId, outcome, result.status, result.error);
  return outcome;
}

async function loadTarget(pool: pg.Pool, deliveryId: string): Promise<TDeliveryTarget | undefined> {
  const result = await pool.query<TDeliveryTarget>(
    `SELECT d.id, d.status::text AS status, d.application_id, d.session_id, s.url, s.secret, s.enabled
       FROM export_delivery d JOIN export_stream s ON s.id = d.stream_id WHERE d.id = $1`,
    [deliveryId],
  );
  return result.rows[0];
}

async function recordAttempt(pool: pg.Pool, id: string, outcome: TDeliverOutcome, status: number | null, error: string | null): Promise<void> {
  await pool.query(
    `UPDATE export_delivery SET
        attempts = attempts + 1, response_code = $2, last_error = $3, last_attempt_at = now(), updated_at = now(),
        status = CASE $4 WHEN 'delivered' THEN 'delivered' WHEN 'dead' THEN 'dead' ELSE 'pending' END::export_delivery_status,
        delivered_at = CASE WHEN $4 = 'delivered' THEN now() END,
        is_dead_letter = ($4 = 'dead'),
        dead_lettered_at = CASE WHEN $4 = 'dead' THEN now() END
      WHERE id = $1`,
    [id, status, error, outcome],
  );
}

/**
 * Hands pending deliveries to the queue: new ones, replayed ones (enqueued_at reset) and any
 * whose hand-off was lost (enqueued long ago, still pending). Returns the ids to enqueue.
 */
export async function claimPendingDeliveries(pool: pg.Pool, options: { limit: number; staleMs: number }): Promise<string[]> {
  const result = await pool.query<{ id: string }>(
    `UPDATE export_delivery SET enqueued_at = now()
      WHERE id IN (SELECT id FROM export_delivery
                    WHERE status = 'pending' AND (enqueued_at IS NULL OR enqueued_at < now() - $2 * interval '1 millisecond')
                    ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id`,
    [options.limit, options.staleMs],
  );
  return result.rows.map((row) => row.id);
}
