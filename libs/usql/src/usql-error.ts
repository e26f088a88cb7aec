import { TrailmarkError } from '@trailmark/errors';

export const USQL_ERROR_CODES = [
  'USQL_SYNTAX',
  'USQL_UNKNOWN_FIELD',
  'USQL_UNKNOWN_PROPERTY',
  'USQL_TYPE',
  'USQL_UNSUPPORTED',
  'USQL_LIMIT',
] as const;

export type TUsqlErrorCode = (typeof USQL_ERROR_CODES)[number];

/** Where in the query text something sits; line and column are 1-based, offsets 0-based. */
export interface TSourcePosition {
  line: number;
  column: number;
  offset: number;
}

/**
 * A query the user can fix. It is a `TrailmarkError` so every boundary maps it to 400 without
 * knowing USQL; `usqlCode`, `line` and `column` travel in `details` for the REST body too.
 */
export class UsqlError extends TrailmarkError {
  readonly usqlCode: TUsqlErrorCode;
  readonly line: number;
  readonly column: number;

  constructor(usqlCode: TUsqlErrorCode, message: string, position: TSourcePosition) {
    super(usqlCode === 'USQL_LIMIT' ? 'LIMIT_EXCEEDED' : 'VALIDATION', message, {
      details: { usqlCode, line: position.line, column: position.column },
    });
    this.name = 'UsqlError';
    this.usqlCode = usqlCode;
    this.line = position.line;
    this.column = position.column;
  }

  /** The body of a REST error: `{ code, message, line, column }`. */
  toUsqlBody(): { code: TUsqlErrorCode; message: string; line: number; column: number } {
    return { code: this.usqlCode, message: this.message, line: this.line, column: this.column };
  }
}

export function isUsqlError(value: unknown): value is UsqlError {
  return value instanceof UsqlError;
}
