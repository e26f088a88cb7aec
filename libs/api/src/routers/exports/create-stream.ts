import { createExportStream } from '@trailmark/exports';
import { adminProcedure } from '../../trpc';
import { ZCreateStreamRequest, ZCreateStreamResponse } from './exports.types';

/** The secret is returned here (and on rotation) only. */
export const createStreamRoute = adminProcedure
  .input(ZCreateStreamRequest)
  .output(ZCreateStreamResponse)
  .mutation(({ ctx, input }) => createExportStream(ctx.db, input));
