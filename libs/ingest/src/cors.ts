export const ANY_ORIGIN = '*';

export type TCorsDecision =
  /** No Origin header: not a browser cross-origin call, so no CORS headers at all. */
  | { kind: 'none' }
  | { kind: 'allow'; allowOrigin: string }
  | { kind: 'deny' };

/** Browsers send the origin normalised (`https://host[:port]`), and property-schema stores it the same way. */
export function decideCors(origin: string | undefined, allowedOrigins: readonly string[]): TCorsDecision {
  if (origin === undefined || origin === '') return { kind: 'none' };
  if (allowedOrigins.includes(ANY_ORIGIN)) return { kind: 'allow', allowOrigin: ANY_ORIGIN };
  return allowedOrigins.includes(origin.toLowerCase()) ? { kind: 'allow', allowOrigin: origin } : { kind: 'deny' };
}
