import type { TFieldIssue } from '@trailmark/errors';
import { z } from 'zod';
import { addFieldIssues, fieldIssue } from './field-issues';

export const ANY_ORIGIN = '*';
export const MAX_ALLOWED_ORIGINS = 100;

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function hasExtraParts(url: URL): boolean {
  return url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '';
}

function originIssue(value: string): TFieldIssue | undefined {
  const url = parseUrl(value);
  const example = 'write it as https://host or https://host:port';
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return fieldIssue('', 'origin_format', `"${value}" is not an origin; ${example}`);
  if (url.hostname.includes('*')) return fieldIssue('', 'origin_wildcard', `"${value}" uses a wildcard; only a lone "*" (every origin) is allowed`);
  if (hasExtraParts(url) || value.endsWith('?') || value.endsWith('#')) return fieldIssue('', 'origin_format', `"${value}" has more than an origin (path, query or credentials); ${example}`);
  return undefined;
}

/** One CORS origin, normalised the way browsers send it (`HTTPS://A.com:443/` → `https://a.com`). */
export const ZOrigin = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (value === ANY_ORIGIN) return;
    const issue = originIssue(value);
    if (issue) addFieldIssues(ctx, [issue]);
  })
  .transform((value) => (value === ANY_ORIGIN ? value : new URL(value).origin));

/** `*` must be chosen on purpose: alone, never mixed with real origins. */
export const ZAllowedOrigins = z
  .array(ZOrigin)
  .superRefine((origins, ctx) => {
    if (origins.length > MAX_ALLOWED_ORIGINS) {
      addFieldIssues(ctx, [fieldIssue('', 'too_many_origins', `${origins.length} origins given; the limit is ${MAX_ALLOWED_ORIGINS}`)]);
    }
    if (origins.includes(ANY_ORIGIN) && origins.length > 1) {
      addFieldIssues(ctx, [fieldIssue('', 'origin_wildcard_alone', '"*" allows every origin, so it must be the only entry')]);
    }
  })
  .transform((origins) => [...new Set(origins)]);
export type TAllowedOrigins = z.infer<typeof ZAllowedOrigins>;
