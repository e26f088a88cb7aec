import { TRPCClientError } from '@trpc/client';
import type { TApiErrorData, TAppRouter } from '@trailmark/api/client';

export interface TFormErrors {
  /** Messages by field path (`key`, `settings.sessionTimeoutMs`, …). */
  fields: Record<string, string>;
  /** What belongs to no field, or the whole error when there are no field issues. */
  form: string | null;
}

export const NO_ERRORS: TFormErrors = { fields: {}, form: null };

/** Splits a server error into messages shown beside their fields and one for the form. */
export function formErrorsOf(error: unknown, knownFields: readonly string[]): TFormErrors {
  if (!(error instanceof TRPCClientError)) return { fields: {}, form: error instanceof Error ? error.message : String(error) };
  const data = (error as TRPCClientError<TAppRouter>).data as Partial<TApiErrorData> | undefined;
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of data?.issues ?? []) {
    const field = knownFields.find((name) => issue.path === name || issue.path.endsWith(`.${name}`));
    if (field && !fields[field]) fields[field] = issue.message;
    else if (!field) unplaced.push(issue.message);
  }
  const form = unplaced.length > 0 ? unplaced.join('; ') : Object.keys(fields).length === 0 ? error.message : null;
  return { fields, form };
}
