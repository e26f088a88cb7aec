import { listUsers } from '@trailmark/services';
import { adminProcedure } from '../../trpc';
import { ZListUsersResponse } from './users.types';

export const listUsersRoute = adminProcedure.output(ZListUsersResponse).query(({ ctx }) => listUsers(ctx.db));
