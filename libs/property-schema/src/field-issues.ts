import type { TFieldIssue } from '@trailmark/errors';
import type { z } from 'zod';

export function fieldIssue(path: string, rule: string, message: string): TFieldIssue {
  return { path, rule, message };
}

/** Reports our field issues through zod, keeping the rule name where `toFieldIssues` finds it. */
export function addFieldIssues(ctx: z.RefinementCtx, issues: readonly TFieldIssue[], basePath: readonly PropertyKey[] = []): void {
  for (const { path, rule, message } of issues) {
    const segments = path === '' ? [] : path.split('.');
    ctx.addIssue({ code: 'custom', path: [...basePath, ...segments], message, params: { rule } });
  }
}
