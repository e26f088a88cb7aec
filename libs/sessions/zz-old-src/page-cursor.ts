import { TrailmarkError } from '@trailmark/errors';

/** Keyset cursor over (time desc, session_id desc): opaque to clients. */
export function encodeCursor(ms: number, sessionId: string): string {
  return Buffer.from(JSON.stringify([ms, sessionId])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { ms: number; sessionId: string } | null {
  if (cursor === undefined) return null;
  try {
    const [ms, sessionId] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof ms === 'number' && typeof sessionId === 'string') return { ms, sessionId };
  } catch {
    // fall through to the error below
  }
  throw new TrailmarkError('VALIDATION', 'invalid cursor', { issues: [{ path: 'cursor', rule: 'cursor', message: 'not a cursor this API returned' }] });
}
