import type { TRPCRouterRecord } from '@trpc/server';
import { getSessionRoute } from './get-session';
import { listSessionsRoute } from './list-sessions';
import { liveSessionsRoute } from './live-sessions';

export const sessionsRouter = { live: liveSessionsRoute, list: listSessionsRoute, get: getSessionRoute } satisfies TRPCRouterRecord;
