import { updateProperty } from '@trailmark/services';
import { editorProcedure } from '../../trpc';
import { ZDefinePropertyResponse, ZUpdatePropertyRequest } from './properties.types';

export const updatePropertyRoute = editorProcedure
  .input(ZUpdatePropertyRequest)
  .output(ZDefinePropertyResponse)
  .mutation(({ ctx, input }) => updateProperty(ctx.db, input.applicationId, input.propertyId, input.patch));
