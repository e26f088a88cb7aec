export interface TSessionKey {
  applicationId: string;
  sessionId: string;
}

export function keyOf(applicationId: string, sessionId: string): string {
  return `${applicationId}\u0000${sessionId}`;
}

/** Two parallel arrays for `unnest($1::text[], $2::text[])`. */
export function keyArrays(keys: readonly TSessionKey[]): [string[], string[]] {
  return [keys.map((key) => key.applicationId), keys.map((key) => key.sessionId)];
}
