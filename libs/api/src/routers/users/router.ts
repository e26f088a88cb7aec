import type { TRPCRouterRecord } from '@trpc/server';
import { createUserRoute } from './create-user';
import { listUsersRoute } from './list-users';

export const usersRouter = { create: createUserRoute, list: listUsersRoute } satisfies TRPCRouterRecord;
