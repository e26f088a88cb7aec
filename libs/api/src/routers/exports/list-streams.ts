import { listExportStreams } from '@trailmark/exports';
import { adminProcedure } from '../../trpc';
import { ZListStreamsRequest, ZListStreamsResponse } from './exports.types';

export const listStreamsRoute = adminProcedure
  .input(ZListStreamsRequest)
  .output(ZListStreamsResponse)
  .query(({ ctx, input }) => listExportStreams(ctx.db, input.applicationId));
