import { replayDeadLetters } from '@trailmark/exports';
import { adminProcedure } from '../../trpc';
import { ZReplayDeadLettersRequest, ZReplayDeadLettersResponse } from './exports.types';

export const replayDeadLettersRoute = adminProcedure
  .input(ZReplayDeadLettersRequest)
  .output(ZReplayDeadLettersResponse)
  .mutation(({ ctx, input }) => replayDeadLetters(ctx.db, input));
