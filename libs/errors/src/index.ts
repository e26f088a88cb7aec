export { TrailmarkError, ERROR_CODES, isTrailmarkError, httpStatusOf, trpcCodeOf } from './trailmark-error';
export type { TErrorCode, TFieldIssue, TErrorBody, TTrailmarkErrorOptions } from './trailmark-error';
export { toFieldIssues } from './zod-issues';
export type { TZodLikeIssue } from './zod-issues';
