import type { z } from 'zod';
import { TrailmarkError, toFieldIssues } from '@trailmark/errors';

/** Validates input at a domain entry point; a failure names each field and rule. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, pathPrefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toFieldIssues(result.error.issues).map((issue) => ({ ...issue, path: `${pathPrefix}${issue.path}` }));
  const summary = issues.map((issue) => `${issue.path || '(input)'}: ${issue.message}`).join('; ');
  throw new TrailmarkError('VALIDATION', `invalid input — ${summary}`, { issues });
}
