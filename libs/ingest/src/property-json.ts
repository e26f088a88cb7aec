import type { TPropertyValue } from '@trailmark/validation-rules';

// Keys are definitions' canonical keys, a small set: each is escaped once. Bounded all the same.
const KEY_JSON = new Map<string, string>();
const MAX_CACHED_KEYS = 10_000;

function keyJson(key: string): string {
  let json = KEY_JSON.get(key);
  if (json === undefined) {
    if (KEY_JSON.size >= MAX_CACHED_KEYS) KEY_JSON.clear();
    KEY_JSON.set(key, (json = JSON.stringify(key)));
  }
  return json;
}

/** Validated values are finite numbers, booleans, strings or bigints; only strings need escaping. */
function valueJson(value: TPropertyValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * A validated property map as jsonb text. JSON.stringify cannot write a bigint; a `long`
 * beyond 2^53 goes in as its exact digits, which jsonb's numeric keeps (docs/storage.md).
 */
export function propertiesToJson(values: Readonly<Record<string, TPropertyValue>>): string {
  let out = '';
  for (const key in values) {
    if (!Object.hasOwn(values, key)) continue;
    out += `${out === '' ? '{' : ','}${keyJson(key)}:${valueJson(values[key] as TPropertyValue)}`;
  }
  return out === '' ? '{}' : `${out}}`;
}
