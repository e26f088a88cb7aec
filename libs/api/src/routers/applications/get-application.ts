import { getApplication } from '@trailmark/services';
import { viewerProcedure } from '../../trpc';
import { toApplicationView } from './application-view';
import { ZApplicationIdRequest, ZApplicationView } from './applications.types';

export const getApplicationRoute = viewerProcedure
  .input(ZApplicationIdRequest)
  .output(ZApplicationView)
  .query(async ({ ctx, input }) => toApplicationView(await getApplication(ctx.db, input.applicationId), ctx.collectorPublicUrl));
