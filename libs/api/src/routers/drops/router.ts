import type { TRPCRouterRecord } from '@trpc/server';
import { defineFromDropRoute } from './define-from-drop';
import { listDropsRoute } from './list-drops';

export const dropsRouter = {
  list: listDropsRoute,
  defineFromDrop: defineFromDropRoute,
} satisfies TRPCRouterRecord;
