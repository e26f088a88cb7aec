import type { TFieldIssue } from '@trailmark/errors';
import { fieldIssue } from './field-issues';

export const MAX_CLEANUP_RULE_LENGTH = 500;

// A group holding an unbounded quantifier, itself repeated without bound: `(a+)+`, `(\w*)*`, `(x+){2,}`.
const NESTED_UNBOUNDED = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\})/;

/** Compiles a cleanup rule exactly as ingest and the SDK do: a plain pattern, no flags. */
export function compileCleanupRule(pattern: string): RegExp {
  return new RegExp(pattern);
}

function compileIssue(pattern: string): TFieldIssue[] {
  try {
    compileCleanupRule(pattern);
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [fieldIssue('cleanupRule', 'cleanup_rule_invalid', `cleanupRule is not a valid regular expression: ${reason}`)];
  }
}

/** Patterns run on every captured value in the browser, so slow-looking ones are refused up front. */
export function validateCleanupRule(pattern: string): TFieldIssue[] {
  if (pattern.length === 0) return [fieldIssue('cleanupRule', 'cleanup_rule_invalid', 'cleanupRule is empty; leave it out to keep values as captured')];
  if (pattern.length > MAX_CLEANUP_RULE_LENGTH) {
    return [fieldIssue('cleanupRule', 'cleanup_rule_too_long', `cleanupRule is ${pattern.length} characters; the limit is ${MAX_CLEANUP_RULE_LENGTH}`)];
  }
  const invalid = compileIssue(pattern);
  if (invalid.length > 0) return invalid;
  if (NESTED_UNBOUNDED.test(pattern)) {
    return [fieldIssue('cleanupRule', 'cleanup_rule_unsafe', 'cleanupRule repeats a group that itself repeats without bound (like (a+)+), which can hang the browser; rewrite it without the nesting')];
  }
  return [];
}
