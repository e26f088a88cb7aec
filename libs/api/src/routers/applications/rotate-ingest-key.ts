import { rotateIngestKey } from '@trailmark/services';
import { adminProcedure } from '../../trpc';
import { toApplicationView } from './application-view';
import { ZApplicationIdRequest, ZApplicationView } from './applications.types';

export const rotateIngestKeyRoute = adminProcedure
  .input(ZApplicationIdRequest)
  .output(ZApplicationView)
  .mutation(async ({ ctx, input }) => toApplicationView(await rotateIngestKey(ctx.db, input.applicationId), ctx.collectorPublicUrl));
