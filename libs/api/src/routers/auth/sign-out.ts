import { SESSION_COOKIE_NAME } from '@trailmark/services';
import { publicProcedure } from '../../trpc';
import { ZSignOutResponse } from './auth.types';

export const signOutRoute = publicProcedure.output(ZSignOutResponse).mutation(({ ctx }) => {
  ctx.cookies.clear(SESSION_COOKIE_NAME);
  return { signedOut: true as const };
});
