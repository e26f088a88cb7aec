import type { TFieldIssue } from '@trailmark/errors';
import { z } from 'zod';
import type { TDataType } from './data-type';
import { fieldIssue } from './field-issues';
import { tryParseJsVariablePath } from './js-variable-path';

export const CAPTURE_SOURCES = [
  'api',
  'css_selector',
  'js_variable',
  'js_function',
  'meta_tag',
  'cookie',
  'query_string',
  'response_header',
  'server_attribute',
] as const;

export const ZCaptureSource = z.enum(CAPTURE_SOURCES, { error: `source must be one of ${CAPTURE_SOURCES.join(', ')}` });
export type TCaptureSource = z.infer<typeof ZCaptureSource>;

export const MAX_EXPRESSION_LENGTH = 1000;
export const SERVER_ATTRIBUTE_HEADER_PREFIX = 'x-trailmark-attr-';

/** What the expression names, for messages. */
const EXPRESSION_MEANING: Record<Exclude<TCaptureSource, 'api'>, string> = {
  css_selector: 'a CSS selector',
  js_variable: 'a dotted path on window',
  js_function: 'a dotted path to a function on window',
  meta_tag: 'the meta tag name',
  cookie: 'the cookie name',
  query_string: 'the URL parameter name',
  response_header: 'the response header name',
  server_attribute: 'the server attribute name',
};

// RFC 9110 token characters: what a header name may be made of.
const HEADER_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function issue(rule: string, message: string): TFieldIssue[] {
  return [fieldIssue('expression', rule, message)];
}

function jsPathIssues(expression: string, source: 'js_variable' | 'js_function'): TFieldIssue[] {
  const result = tryParseJsVariablePath(expression);
  if (!result.ok) return issue('expression_js_path', result.message.replace('js_variable', source));
  if (source === 'js_function' && result.segments.some((segment) => segment.parseJson)) {
    return issue('expression_js_path', 'js_function path cannot parse JSON segments: a function cannot live inside JSON');
  }
  return [];
}

function nameIssues(expression: string, source: Exclude<TCaptureSource, 'api'>): TFieldIssue[] {
  if (/\s/.test(expression)) return issue('expression_whitespace', `the ${source} expression is ${EXPRESSION_MEANING[source]} and may not contain whitespace`);
  const isHeader = source === 'response_header' || source === 'server_attribute';
  if (isHeader && !HEADER_TOKEN.test(expression)) return issue('expression_header_name', `"${expression}" is not a valid HTTP header name`);
  return [];
}

function sourceSpecificIssues(source: Exclude<TCaptureSource, 'api'>, expression: string): TFieldIssue[] {
  if (source === 'js_variable' || source === 'js_function') return jsPathIssues(expression, source);
  if (source === 'css_selector') return [];
  return nameIssues(expression, source);
}

function expressionIssues(source: Exclude<TCaptureSource, 'api'>, expression: string | null | undefined): TFieldIssue[] {
  if (expression == null || expression.trim() === '') {
    return issue('expression_required', `source ${source} needs an expression: ${EXPRESSION_MEANING[source]}`);
  }
  if (expression.length > MAX_EXPRESSION_LENGTH) return issue('expression_too_long', `expression is ${expression.length} characters; the limit is ${MAX_EXPRESSION_LENGTH}`);
  return sourceSpecificIssues(source, expression);
}

/** Rules of SPEC §4.2 for a source, its expression and the property's data type. */
export function validateCaptureSource(source: TCaptureSource, expression: string | null | undefined, dataType: TDataType): TFieldIssue[] {
  const dateIssues = dataType === 'date' && source !== 'api'
    ? [fieldIssue('source', 'date_requires_api_source', `date properties can only be captured through the api source, not ${source}`)]
    : [];
  if (source !== 'api') return [...dateIssues, ...expressionIssues(source, expression)];
  if (expression != null && expression !== '') {
    return issue('expression_not_allowed', 'the api source takes no expression: values come from the SDK call');
  }
  return dateIssues;
}

/** The response header a backend sets for a `server_attribute` property. */
export function serverAttributeHeaderOf(expression: string): string {
  return `${SERVER_ATTRIBUTE_HEADER_PREFIX}${expression.toLowerCase()}`;
}
