import type { PrismaClient } from '@trailmark/db';
import { findUserById, verifySessionToken } from '@trailmark/services';
import type { TPublicUser } from '@trailmark/services';

export interface TCookieWriter {
  set(name: string, value: string, options: { maxAgeSeconds: number; secure: boolean }): void;
  clear(name: string): void;
}

export interface TApiDeps {
  db: PrismaClient;
  secret: string;
  collectorPublicUrl: string;
}

export interface TApiContext extends TApiDeps {
  user: TPublicUser | null;
  cookies: TCookieWriter;
  isSecureRequest: boolean;
}

/** Resolves the signed-in user from the session cookie; the role is re-read from the store. */
export async function createApiContext(
  deps: TApiDeps,
  request: { sessionToken: string | undefined; cookies: TCookieWriter; isSecureRequest: boolean },
): Promise<TApiContext> {
  const claims = await verifySessionToken(request.sessionToken, deps.secret);
  const user = claims ? await findUserById(deps.db, claims.userId) : null;
  return { ...deps, user, cookies: request.cookies, isSecureRequest: request.isSecureRequest };
}
