import { addPropertyPack } from '@trailmark/services';
import { editorProcedure, viewerProcedure } from '../../trpc';
import { ZAddPackRequest, ZAddPackResponse, ZListPacksResponse, listPacks } from './properties.types';

export const listPacksRoute = viewerProcedure.output(ZListPacksResponse).query(() => listPacks());

export const addPackRoute = editorProcedure
  .input(ZAddPackRequest)
  .output(ZAddPackResponse)
  .mutation(({ ctx, input }) =>
    addPropertyPack(ctx.db, input.applicationId, input.packId, {
      ...(input.keys ? { keys: input.keys } : {}),
      ...(input.scope ? { scope: input.scope } : {}),
    }),
  );
