import { editorProcedure } from '../../trpc';
import { defineFromDrop } from './drop-counters';
import { ZDefineFromDropRequest, ZDefineFromDropResponse } from './drops.types';

export const defineFromDropRoute = editorProcedure
  .input(ZDefineFromDropRequest)
  .output(ZDefineFromDropResponse)
  .mutation(({ ctx, input }) => defineFromDrop(ctx.db, input));
