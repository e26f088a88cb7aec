import { deleteExportStream } from '@trailmark/exports';
import { adminProcedure } from '../../trpc';
import { ZDeleteStreamRequest, ZDeleteStreamResponse } from './exports.types';

export const deleteStreamRoute = adminProcedure
  .input(ZDeleteStreamRequest)
  .output(ZDeleteStreamResponse)
  .mutation(async ({ ctx, input }) => {
    await deleteExportStream(ctx.db, input.id);
    return { deleted: true as const };
  });
