import { retireProperty } from '@trailmark/services';
import { editorProcedure } from '../../trpc';
import { ZDefinePropertyResponse, ZRetirePropertyRequest } from './properties.types';

export const retirePropertyRoute = editorProcedure
  .input(ZRetirePropertyRequest)
  .output(ZDefinePropertyResponse)
  .mutation(({ ctx, input }) => retireProperty(ctx.db, input.applicationId, input.propertyId));
