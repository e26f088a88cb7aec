import type { TFieldIssue } from '@trailmark/errors';
import { z } from 'zod';
import { addFieldIssues, fieldIssue } from './field-issues';
import { PROPERTY_KEY_PREFIXES, propertyKeyPrefixOf, type TPropertyScope } from './property-scope';

/** Limit on the key as shown with its scope prefix (`session_properties.cart.total`). */
export const MAX_QUALIFIED_KEY_LENGTH = 100;

const FORBIDDEN_KEY_CHAR = /[^A-Za-z0-9_.]/g;

export function keyFormatIssues(key: string): TFieldIssue[] {
  if (key.length === 0) return [fieldIssue('key', 'key_required', 'key is required')];
  const issues: TFieldIssue[] = [];
  const forbidden = [...new Set(key.match(FORBIDDEN_KEY_CHAR) ?? [])];
  if (forbidden.length > 0) {
    const shown = forbidden.map((char) => JSON.stringify(char)).join(', ');
    issues.push(fieldIssue('key', 'key_format', `key may contain only letters, digits, "_" and "."; found ${shown}`));
  }
  if (!/^[A-Za-z]/.test(key)) issues.push(fieldIssue('key', 'key_starts_with_letter', 'key must start with a letter'));
  return issues;
}

function lengthIssue(key: string, prefix: string, message: string): TFieldIssue[] {
  const length = prefix.length + key.length;
  return length > MAX_QUALIFIED_KEY_LENGTH ? [fieldIssue('key', 'key_too_long', message.replace('{n}', String(length)))] : [];
}

export function keyLengthIssues(key: string, scope: TPropertyScope): TFieldIssue[] {
  const prefix = propertyKeyPrefixOf(scope);
  return lengthIssue(key, prefix, `key is {n} characters with its prefix \`${prefix}\`; the limit is ${MAX_QUALIFIED_KEY_LENGTH}`);
}

/** Every rule a key must meet when shown with the prefix of `scope`; path `key`. */
export function validatePropertyKey(key: string, scope: TPropertyScope): TFieldIssue[] {
  return [...keyFormatIssues(key), ...keyLengthIssues(key, scope)];
}

/** Scope-free check: the key must fit at least with the shortest prefix; the definition checks its own scope. */
function scopeFreeKeyIssues(key: string): TFieldIssue[] {
  const prefix = PROPERTY_KEY_PREFIXES.event;
  const message = `key is {n} characters even with the shortest prefix \`${prefix}\`; the limit is ${MAX_QUALIFIED_KEY_LENGTH}`;
  return [...keyFormatIssues(key), ...lengthIssue(key, prefix, message)];
}

const atSchemaPath = (issues: TFieldIssue[]) => issues.map((issue) => ({ ...issue, path: '' }));

/** Characters and first letter only; the definition adds the length rule for its scope. */
export const ZPropertyKeyFormat = z.string({ error: 'key must be a string' }).superRefine((key, ctx) => {
  addFieldIssues(ctx, atSchemaPath(keyFormatIssues(key)));
});

/** A key on its own, valid for at least the scope with the shortest prefix. */
export const ZPropertyKey = z.string({ error: 'key must be a string' }).superRefine((key, ctx) => {
  addFieldIssues(ctx, atSchemaPath(scopeFreeKeyIssues(key)));
});
export type TPropertyKey = z.infer<typeof ZPropertyKey>;
