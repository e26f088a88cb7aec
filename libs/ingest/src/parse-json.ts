import { TrailmarkError } from '@trailmark/errors';

// JSON escapes Postgres cannot store in text/jsonb: NUL and lone surrogates.
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/**
 * JSON.parse plus a scrub of what Postgres would refuse, so one hostile string can never fail a
 * whole group commit. The scrub runs only when the raw text contains such an escape.
 */
export function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidJson();
  }
  if (!UNSTORABLE_ESCAPE.test(text)) return value;
  try {
    return scrub(value);
  } catch {
    throw invalidJson();
  }
}

function invalidJson(): TrailmarkError {
  return new TrailmarkError('VALIDATION', 'body is not valid JSON', { issues: [{ path: 'body', rule: 'json', message: 'body is not valid JSON' }] });
}

// eslint-disable-next-line no-control-regex -- NUL is exactly what Postgres refuses to store
const UNSTORABLE_CHAR = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function scrubString(value: string): string {
  return value.replace(UNSTORABLE_CHAR, '\uFFFD');
}

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    Object.defineProperty(out, scrubString(key), { value: scrub(inner), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
