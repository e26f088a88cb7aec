import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { ZUserRole } from './user.types';
import type { TUserRole } from './user.types';

export const SESSION_COOKIE_NAME = 'tm_session';
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

const ZSessionClaims = z.object({ sub: z.string().min(1), role: ZUserRole });

export interface TSessionClaims {
  userId: string;
  role: TUserRole;
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** The console's sign-in cookie value: an HS256 JWT signed with TRAILMARK_SECRET. */
export function signSessionToken(claims: TSessionClaims, secret: string, ttlSeconds = SESSION_TTL_SECONDS): Promise<string> {
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyOf(secret));
}

/** Returns the claims, or null for a missing, forged, malformed or expired token. */
export async function verifySessionToken(token: string | undefined, secret: string): Promise<TSessionClaims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: ['HS256'] });
    const claims = ZSessionClaims.safeParse(payload);
    return claims.success ? { userId: claims.data.sub, role: claims.data.role } : null;
  } catch {
    return null;
  }
}
