/**
 * The one error type of Trailmark's domain. Boundaries (tRPC, REST, CLI) map `code` to their
 * own status through `ERROR_CODES`; domain code never imports a transport.
 */
export const ERROR_CODES = {
  VALIDATION: { http: 400, trpc: 'BAD_REQUEST' },
  LIMIT_EXCEEDED: { http: 400, trpc: 'BAD_REQUEST' },
  CONFLICT: { http: 409, trpc: 'CONFLICT' },
  NOT_FOUND: { http: 404, trpc: 'NOT_FOUND' },
  UNAUTHENTICATED: { http: 401, trpc: 'UNAUTHORIZED' },
  FORBIDDEN: { http: 403, trpc: 'FORBIDDEN' },
  PAYLOAD_TOO_LARGE: { http: 413, trpc: 'PAYLOAD_TOO_LARGE' },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, trpc: 'UNSUPPORTED_MEDIA_TYPE' },
  RATE_LIMITED: { http: 429, trpc: 'TOO_MANY_REQUESTS' },
  TIMEOUT: { http: 408, trpc: 'TIMEOUT' },
  STORE_UNAVAILABLE: { http: 503, trpc: 'INTERNAL_SERVER_ERROR' },
  INTERNAL: { http: 500, trpc: 'INTERNAL_SERVER_ERROR' },
} as const;

export type TErrorCode = keyof typeof ERROR_CODES;

/** One problem with one input field: `path` as dotted segments, `rule` a stable short name. */
export interface TFieldIssue {
  path: string;
  rule: string;
  message: string;
}

export interface TTrailmarkErrorOptions {
  issues?: TFieldIssue[];
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class TrailmarkError extends Error {
  readonly code: TErrorCode;
  readonly issues: TFieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(code: TErrorCode, message: string, options: TTrailmarkErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TrailmarkError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }

  toJSON(): TErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues.length > 0 ? { issues: this.issues } : {}),
      ...(Object.keys(this.details).length > 0 ? { details: this.details } : {}),
    };
  }
}

export interface TErrorBody {
  code: string;
  message: string;
  issues?: TFieldIssue[];
  details?: Record<string, unknown>;
}

export function isTrailmarkError(value: unknown): value is TrailmarkError {
  return value instanceof TrailmarkError;
}

export function httpStatusOf(code: TErrorCode): number {
  return ERROR_CODES[code].http;
}

export function trpcCodeOf(code: TErrorCode): (typeof ERROR_CODES)[TErrorCode]['trpc'] {
  return ERROR_CODES[code].trpc;
}
