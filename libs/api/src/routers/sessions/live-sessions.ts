import { listLiveSessions, prismaReader } from '@trailmark/sessions';
import { viewerProcedure } from '../../trpc';
import { ZLiveSessionsRequest, ZLiveSessionsResponse } from './sessions.types';

/** Open sessions with provisional aggregates (each item has `provisional: true`). */
export const liveSessionsRoute = viewerProcedure
  .input(ZLiveSessionsRequest)
  .output(ZLiveSessionsResponse)
  .query(({ ctx, input }) => listLiveSessions(prismaReader(ctx.db), input));
