import { createPrismaExecutor, runUsqlQuery } from '@trailmark/query';
import { viewerProcedure } from '../../trpc';
import { ZRunUsqlRequest, ZRunUsqlResponse } from './usql.types';

/**
 * The console's query page. Console users may read every application for now; admins also get
 * the generated SQL in `explanations`. Runs read-only under the same statement timeout as REST.
 */
export const runUsqlRoute = viewerProcedure
  .input(ZRunUsqlRequest)
  .output(ZRunUsqlResponse)
  .mutation(({ ctx, input }) => {
    const { shape, ...request } = input;
    const caller = { applicationIds: [], canSeeSql: ctx.user.role === 'admin' };
    return runUsqlQuery({ db: ctx.db, executor: createPrismaExecutor(ctx.db) }, caller, request, shape);
  });
