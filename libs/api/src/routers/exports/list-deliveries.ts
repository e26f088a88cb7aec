import { listDeliveries } from '@trailmark/exports';
import { adminProcedure } from '../../trpc';
import { ZListDeliveriesRequest, ZListDeliveriesResponse } from './exports.types';

export const listDeliveriesRoute = adminProcedure
  .input(ZListDeliveriesRequest)
  .output(ZListDeliveriesResponse)
  .query(({ ctx, input }) => listDeliveries(ctx.db, input));
