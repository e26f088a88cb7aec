import { toFieldIssues, type TFieldIssue } from '@trailmark/errors';
import type { z } from 'zod';

/** Field issues a schema reports for a value; `[]` when it parses. */
export function issuesOf(schema: z.ZodType, value: unknown): TFieldIssue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : toFieldIssues(result.error.issues);
}

/** `[path, rule]` pairs, the part of an issue callers rely on. */
export function rulesOf(schema: z.ZodType, value: unknown): [string, string][] {
  return issuesOf(schema, value).map((issue) => [issue.path, issue.rule]);
}
