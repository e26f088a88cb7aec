import { listApplications } from '@trailmark/services';
import { viewerProcedure } from '../../trpc';
import { toApplicationView } from './application-view';
import { ZListApplicationsResponse } from './applications.types';

export const listApplicationsRoute = viewerProcedure
  .output(ZListApplicationsResponse)
  .query(async ({ ctx }) => (await listApplications(ctx.db)).map((app) => toApplicationView(app, ctx.collectorPublicUrl)));
