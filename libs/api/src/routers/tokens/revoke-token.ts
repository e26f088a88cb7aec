import { revokeApiToken } from '@trailmark/services';
import { adminProcedure } from '../../trpc';
import { ZRevokeTokenRequest, ZRevokeTokenResponse } from './tokens.types';

export const revokeTokenRoute = adminProcedure
  .input(ZRevokeTokenRequest)
  .output(ZRevokeTokenResponse)
  .mutation(async ({ ctx, input }) => {
    await revokeApiToken(ctx.db, input.id);
    return { revoked: true as const };
  });
