import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { TrailmarkError } from '@trailmark/errors';

const gunzipAsync = promisify(gunzip);

export const MAX_BODY_BYTES = 256 * 1024;
const ACCEPTED_TYPES = new Set(['text/plain', 'application/json']);

/** Only the media type: `text/plain;charset=UTF-8` (what sendBeacon sends) is text/plain. */
export function checkContentType(header: string | undefined): void {
  const mediaType = (header ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (!ACCEPTED_TYPES.has(mediaType)) {
    throw new TrailmarkError('UNSUPPORTED_MEDIA_TYPE', `content type must be text/plain or application/json, got "${mediaType || 'none'}"`, {
      issues: [{ path: 'content-type', rule: 'media_type', message: 'send text/plain or application/json' }],
    });
  }
}

export function checkContentEncoding(header: string | undefined): boolean {
  const encoding = (header ?? 'identity').trim().toLowerCase();
  if (encoding === 'gzip') return true;
  if (encoding === 'identity' || encoding === '') return false;
  throw new TrailmarkError('UNSUPPORTED_MEDIA_TYPE', `content encoding must be gzip or none, got "${encoding}"`, {
    issues: [{ path: 'content-encoding', rule: 'encoding', message: 'send gzip or no encoding' }],
  });
}

export function tooLarge(limit: number): TrailmarkError {
  return new TrailmarkError('PAYLOAD_TOO_LARGE', `beacon body exceeds ${limit} bytes after decoding`, {
    issues: [{ path: 'body', rule: 'max_bytes', message: `at most ${limit} bytes after decoding` }],
  });
}

function badBody(rule: string, message: string): TrailmarkError {
  return new TrailmarkError('VALIDATION', message, { issues: [{ path: 'body', rule, message }] });
}

/**
 * Inflates with zlib's own output cap, so a gzip bomb stops at `limit` bytes instead of
 * allocating everything it would expand to.
 */
export async function inflateBody(body: Buffer, isGzip: boolean, limit = MAX_BODY_BYTES): Promise<Buffer> {
  if (!isGzip) {
    if (body.length > limit) throw tooLarge(limit);
    return body;
  }
  try {
    return await gunzipAsync(body, { maxOutputLength: limit });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit);
    throw badBody('gzip', 'body is not valid gzip');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw badBody('utf8', 'body is not valid UTF-8');
  }
}
