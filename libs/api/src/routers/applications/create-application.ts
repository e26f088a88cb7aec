import { createApplication } from '@trailmark/services';
import { adminProcedure } from '../../trpc';
import { toApplicationView } from './application-view';
import { ZApplicationView, ZCreateApplicationRequest } from './applications.types';

export const createApplicationRoute = adminProcedure
  .input(ZCreateApplicationRequest)
  .output(ZApplicationView)
  .mutation(async ({ ctx, input }) => toApplicationView(await createApplication(ctx.db, input), ctx.collectorPublicUrl));
