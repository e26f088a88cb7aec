export { appRouter, createCaller } from './root';
export type { TAppRouter } from './root';
export { createApiContext } from './context';
export type { TApiContext, TApiDeps, TCookieWriter } from './context';
export type { TApiErrorData } from './trpc';
export { SESSION_COOKIE_NAME } from '@trailmark/services';
