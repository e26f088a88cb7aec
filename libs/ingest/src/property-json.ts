import type { TPropertyValue } from '@trailmark/validation-rules';

/**
 * A validated property map as jsonb text. JSON.stringify cannot write a bigint; a `long`
 * beyond 2^53 goes in as its exact digits, which jsonb's numeric keeps (docs/storage.md).
 */
export function propertiesToJson(values: Readonly<Record<string, TPropertyValue>>): string {
  let out = '';
  for (const key in values) {
    if (!Object.hasOwn(values, key)) continue;
    const value = values[key];
    const text = typeof value === 'bigint' ? value.toString() : JSON.stringify(value);
    out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${text}`;
  }
  return `{${out}}`;
}
