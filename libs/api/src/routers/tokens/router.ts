import type { TRPCRouterRecord } from '@trpc/server';
import { createTokenRoute } from './create-token';
import { listTokensRoute } from './list-tokens';
import { revokeTokenRoute } from './revoke-token';

export const tokensRouter = { create: createTokenRoute, list: listTokensRoute, revoke: revokeTokenRoute } satisfies TRPCRouterRecord;
