import type { Request } from 'express';
import { normaliseIp } from '@trailmark/ingest';

/** A header or query value as one string (repeated values: the first). */
export function single(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

export function ingestKeyOf(req: Request): string | undefined {
  return single(req.query['key']) ?? single(req.headers['x-trailmark-key']);
}

/** The socket's peer, or X-Forwarded-For's client when the app trusts its proxy (`trust proxy`). */
export function clientIpOf(req: Request, trustProxy: boolean): string | null {
  return normaliseIp(trustProxy ? req.ip : req.socket.remoteAddress);
}
