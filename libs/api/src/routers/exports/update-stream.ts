import { updateExportStream } from '@trailmark/exports';
import { adminProcedure } from '../../trpc';
import { ZUpdateStreamRequest, ZUpdateStreamResponse } from './exports.types';

export const updateStreamRoute = adminProcedure
  .input(ZUpdateStreamRequest)
  .output(ZUpdateStreamResponse)
  .mutation(({ ctx, input }) => updateExportStream(ctx.db, input));
