import { createCallerFactory, createTRPCRouter } from './trpc';
import { applicationsRouter } from './routers/applications/router';
import { authRouter } from './routers/auth/router';
import { propertiesRouter } from './routers/properties/router';
import { tokensRouter } from './routers/tokens/router';
import { usersRouter } from './routers/users/router';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  applications: applicationsRouter,
  properties: propertiesRouter,
  tokens: tokensRouter,
  users: usersRouter,
});

export type TAppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
