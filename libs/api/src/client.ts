// Browser-safe entry: types only, so client bundles never pull server code.
export type { TAppRouter } from './root';
export type { TApiErrorData } from './trpc';
