import { createApiToken } from '@trailmark/services';
import { adminProcedure } from '../../trpc';
import { ZCreateTokenRequest, ZCreateTokenResponse } from './tokens.types';

export const createTokenRoute = adminProcedure
  .input(ZCreateTokenRequest)
  .output(ZCreateTokenResponse)
  .mutation(({ ctx, input }) => createApiToken(ctx.db, input));
