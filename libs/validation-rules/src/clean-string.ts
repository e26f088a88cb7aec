/** Returned when the cleanup rule does not match. */
export const NO_MATCH: unique symbol = Symbol('cleanup_no_match');

/** Cuts to maxLength UTF-16 units without splitting a surrogate pair. */
export function truncate(value: string, maxLength: number): string {
  if (value.length <= maxLength) return value;
  const last = value.charCodeAt(maxLength - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? maxLength - 1 : maxLength;
  return value.slice(0, end);
}

/** Keeps the first capture group, or the whole match when the rule has none (or it did not take part). */
export function applyCleanup(value: string, cleanup: RegExp | null): string | typeof NO_MATCH {
  if (cleanup === null) return value;
  const match = cleanup.exec(value);
  if (match === null) return NO_MATCH;
  return match[1] ?? match[0];
}
