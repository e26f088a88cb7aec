import { updateApplication } from '@trailmark/services';
import { adminProcedure } from '../../trpc';
import { toApplicationView } from './application-view';
import { ZApplicationView, ZUpdateApplicationRequest } from './applications.types';

export const updateApplicationRoute = adminProcedure
  .input(ZUpdateApplicationRequest)
  .output(ZApplicationView)
  .mutation(async ({ ctx, input }) => toApplicationView(await updateApplication(ctx.db, input.applicationId, input.patch), ctx.collectorPublicUrl));
