import type { TFieldIssue } from './trailmark-error';

/** The structural subset of a zod issue we need, so this lib stays free of zod. */
export interface TZodLikeIssue {
  path: readonly PropertyKey[];
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

/** Turns zod issues into field issues; a custom refinement may name its rule in `params.rule`. */
export function toFieldIssues(issues: readonly TZodLikeIssue[]): TFieldIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    rule: typeof issue.params?.['rule'] === 'string' ? (issue.params['rule'] as string) : issue.code,
    message: issue.message,
  }));
}
