import { SESSION_COOKIE_NAME, SESSION_TTL_SECONDS, authenticateUser, signSessionToken } from '@trailmark/services';
import { publicProcedure } from '../../trpc';
import { ZSignInRequest, ZSignInResponse } from './auth.types';

export const signInRoute = publicProcedure
  .input(ZSignInRequest)
  .output(ZSignInResponse)
  .mutation(async ({ ctx, input }) => {
    const user = await authenticateUser(ctx.db, input);
    const token = await signSessionToken({ userId: user.id, role: user.role }, ctx.secret);
    ctx.cookies.set(SESSION_COOKIE_NAME, token, { maxAgeSeconds: SESSION_TTL_SECONDS, secure: ctx.isSecureRequest });
    return user;
  });
