import type { IncomingMessage } from 'node:http';
import { normaliseIp } from '@trailmark/ingest';

/** A header or query value as one string (repeated values: the first). */
export function single(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

export function ingestKeyOf(query: Record<string, unknown>, req: IncomingMessage): string | undefined {
  return single(query['key']) ?? single(req.headers['x-trailmark-key']);
}

/**
 * The socket's peer, or X-Forwarded-For's client when the app trusts its proxy: with `trust
 * proxy` = true Express' `req.ip` is the left-most forwarded address, which this reads the same way.
 */
export function clientIpOf(req: IncomingMessage, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = single(req.headers['x-forwarded-for']);
    const first = forwarded?.split(',').map((part) => part.trim()).find((part) => part !== '');
    if (first) return normaliseIp(first);
  }
  return normaliseIp(req.socket.remoteAddress);
}
