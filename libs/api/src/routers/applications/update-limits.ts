import { updatePropertyLimits } from '@trailmark/services';
import { adminProcedure } from '../../trpc';
import { toApplicationView } from './application-view';
import { ZApplicationView, ZUpdateLimitsRequest } from './applications.types';

export const updateLimitsRoute = adminProcedure
  .input(ZUpdateLimitsRequest)
  .output(ZApplicationView)
  .mutation(async ({ ctx, input }) => toApplicationView(await updatePropertyLimits(ctx.db, input.applicationId, input.limits), ctx.collectorPublicUrl));
