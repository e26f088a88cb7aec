import type { ServerResponse } from 'node:http';
import { TrailmarkError, httpStatusOf, isTrailmarkError } from '@trailmark/errors';
import type { Logger } from '@trailmark/logger';

const RETRY_AFTER_DEFAULT = { RATE_LIMITED: 1, STORE_UNAVAILABLE: 2 } as const;

/** What Express' `res.status(n).json(body)` sends, on a plain node response (the hot beacon route has no Express). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** Every error answer goes through here: the status comes from ERROR_CODES, the body is the error's JSON. */
export function sendError(res: ServerResponse, error: unknown, logger: Logger): TrailmarkError {
  const known = isTrailmarkError(error) ? error : new TrailmarkError('INTERNAL', 'unexpected error', { cause: error });
  if (!isTrailmarkError(error)) logger.error({ err: error }, 'unexpected error');
  const retryAfter = retryAfterOf(known);
  if (retryAfter !== null) res.setHeader('Retry-After', String(retryAfter));
  if (known.code === 'PAYLOAD_TOO_LARGE') res.setHeader('Connection', 'close');
  const { details: _details, ...body } = known.toJSON();
  sendJson(res, httpStatusOf(known.code), retryAfter === null ? body : { ...body, retryAfterSeconds: retryAfter });
  return known;
}

function retryAfterOf(error: TrailmarkError): number | null {
  if (error.code !== 'RATE_LIMITED' && error.code !== 'STORE_UNAVAILABLE') return null;
  const given = error.details['retryAfterSeconds'];
  return typeof given === 'number' ? given : RETRY_AFTER_DEFAULT[error.code];
}
