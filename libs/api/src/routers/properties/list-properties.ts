import { listProperties } from '@trailmark/services';
import { viewerProcedure } from '../../trpc';
import { ZListPropertiesRequest, ZListPropertiesResponse } from './properties.types';

export const listPropertiesRoute = viewerProcedure
  .input(ZListPropertiesRequest)
  .output(ZListPropertiesResponse)
  .query(({ ctx, input }) => listProperties(ctx.db, input.applicationId, { includeRetired: input.includeRetired }));
