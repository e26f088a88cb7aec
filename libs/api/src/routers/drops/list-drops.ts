import { viewerProcedure } from '../../trpc';
import { listDrops } from './drop-counters';
import { ZListDropsRequest, ZListDropsResponse } from './drops.types';

export const listDropsRoute = viewerProcedure
  .input(ZListDropsRequest)
  .output(ZListDropsResponse)
  .query(({ ctx, input }) => listDrops(ctx.db, input.applicationId));
