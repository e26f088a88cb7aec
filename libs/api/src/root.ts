import { createCallerFactory, createTRPCRouter } from './trpc';
import { applicationsRouter } from './routers/applications/router';
import { authRouter } from './routers/auth/router';
import { exportsRouter } from './routers/exports/router';
import { dropsRouter } from './routers/drops/router';
import { propertiesRouter } from './routers/properties/router';
import { sessionsRouter } from './routers/sessions/router';
import { tokensRouter } from './routers/tokens/router';
import { usersRouter } from './routers/users/router';
import { usqlRouter } from './routers/usql/router';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  applications: applicationsRouter,
  properties: propertiesRouter,
  drops: dropsRouter,
  tokens: tokensRouter,
  users: usersRouter,
  sessions: sessionsRouter,
  exports: exportsRouter,
  usql: usqlRouter,
});

export type TAppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
