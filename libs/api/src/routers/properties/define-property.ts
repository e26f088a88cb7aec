import { defineProperty } from '@trailmark/services';
import { editorProcedure } from '../../trpc';
import { ZDefinePropertyRequest, ZDefinePropertyResponse } from './properties.types';

export const definePropertyRoute = editorProcedure
  .input(ZDefinePropertyRequest)
  .output(ZDefinePropertyResponse)
  .mutation(({ ctx, input }) => defineProperty(ctx.db, input.applicationId, input.definition));
