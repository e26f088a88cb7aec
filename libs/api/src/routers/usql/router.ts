import type { TRPCRouterRecord } from '@trpc/server';
import { listUsqlCompletionsRoute } from './list-completions';
import { runUsqlRoute } from './run-usql';

export const usqlRouter = { run: runUsqlRoute, completions: listUsqlCompletionsRoute } satisfies TRPCRouterRecord;
