import { createUser } from '@trailmark/services';
import { adminProcedure } from '../../trpc';
import { ZCreateUserRequest, ZCreateUserResponse } from './users.types';

export const createUserRoute = adminProcedure
  .input(ZCreateUserRequest)
  .output(ZCreateUserResponse)
  .mutation(({ ctx, input }) => createUser(ctx.db, input));
