import { listApiTokens } from '@trailmark/services';
import { adminProcedure } from '../../trpc';
import { ZListTokensResponse } from './tokens.types';

export const listTokensRoute = adminProcedure.output(ZListTokensResponse).query(async ({ ctx }) => ZListTokensResponse.parse(await listApiTokens(ctx.db)));
