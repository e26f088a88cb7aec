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

/** For cross-field rules that would only repeat a field's own issue when that field is already wrong. */
export const WHEN_FIELDS_VALID = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };
