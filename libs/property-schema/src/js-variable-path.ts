import { TrailmarkError } from '@trailmark/errors';

/** One step of a `window` path; `parseJson` means the value reached is a JSON string to parse before going on. */
export interface TJsVariableSegment {
  name: string;
  parseJson: boolean;
}

export type TJsVariablePathResult = { ok: true; segments: TJsVariableSegment[] } | { ok: false; message: string };

const FORBIDDEN_SEGMENT_CHAR = /[\s[\]()'"`]/;

/** Leading `$`s: each `$$` is a literal `$`; an odd one out marks JSON, so `$$$x` parses JSON at `$x`. */
function parseSegment(raw: string): TJsVariableSegment {
  const dollars = /^\$*/.exec(raw)?.[0].length ?? 0;
  const parseJson = dollars % 2 === 1;
  return { name: '$'.repeat(Math.floor(dollars / 2)) + raw.slice(dollars), parseJson };
}

function segmentError(raw: string, index: number): string | undefined {
  if (raw.length === 0) return `js_variable path has an empty segment at position ${index + 1}; write names separated by single dots, e.g. sessionStorage.$user.userid`;
  if (FORBIDDEN_SEGMENT_CHAR.test(raw)) return `js_variable path segment "${raw}" may not contain spaces, brackets, parentheses or quotes; use dots, e.g. items.0.id`;
  if (parseSegment(raw).name.length === 0) return `js_variable path segment "${raw}" has a JSON marker but no name`;
  return undefined;
}

/** Parses without throwing, for validation. */
export function tryParseJsVariablePath(expression: string): TJsVariablePathResult {
  const raws = expression.split('.');
  for (const [index, raw] of raws.entries()) {
    const message = segmentError(raw, index);
    if (message !== undefined) return { ok: false, message };
  }
  return { ok: true, segments: raws.map(parseSegment) };
}

/** Dotted path on `window`, e.g. `sessionStorage.$user.userid`; throws a VALIDATION error when malformed. */
export function parseJsVariablePath(expression: string): TJsVariableSegment[] {
  const result = tryParseJsVariablePath(expression);
  if (result.ok) return result.segments;
  throw new TrailmarkError('VALIDATION', result.message, {
    issues: [{ path: 'expression', rule: 'expression_js_path', message: result.message }],
  });
}
