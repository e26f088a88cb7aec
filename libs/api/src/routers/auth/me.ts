import { publicProcedure } from '../../trpc';
import { ZMeResponse } from './auth.types';

export const meRoute = publicProcedure.output(ZMeResponse).query(({ ctx }) => ctx.user);
