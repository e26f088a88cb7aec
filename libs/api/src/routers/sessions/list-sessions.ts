import { listClosedSessions, prismaReader } from '@trailmark/sessions';
import { viewerProcedure } from '../../trpc';
import { ZListSessionsRequest, ZListSessionsResponse } from './sessions.types';

export const listSessionsRoute = viewerProcedure
  .input(ZListSessionsRequest)
  .output(ZListSessionsResponse)
  .query(({ ctx, input }) => listClosedSessions(prismaReader(ctx.db), input));
