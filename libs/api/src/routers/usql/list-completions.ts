import { listProperties } from '@trailmark/services';
import { listUsqlCompletions } from '@trailmark/usql';
import { viewerProcedure } from '../../trpc';
import { ZUsqlCompletionsRequest, ZUsqlCompletionsResponse } from './usql.types';

/** Fields, functions and the application's property keys with their types, for the editor. */
export const listUsqlCompletionsRoute = viewerProcedure
  .input(ZUsqlCompletionsRequest)
  .output(ZUsqlCompletionsResponse)
  .query(async ({ ctx, input }) => {
    const { definitions } = await listProperties(ctx.db, input.applicationId);
    return listUsqlCompletions(definitions.map((d) => ({ key: d.key, scope: d.scope, dataType: d.dataType })));
  });
