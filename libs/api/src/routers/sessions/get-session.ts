import { getSessionDetail, prismaReader } from '@trailmark/sessions';
import { viewerProcedure } from '../../trpc';
import { ZGetSessionRequest, ZGetSessionResponse } from './sessions.types';

export const getSessionRoute = viewerProcedure
  .input(ZGetSessionRequest)
  .output(ZGetSessionResponse)
  .query(({ ctx, input }) => getSessionDetail(prismaReader(ctx.db), input));
