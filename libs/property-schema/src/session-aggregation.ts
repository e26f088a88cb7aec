import type { TFieldIssue } from '@trailmark/errors';
import { z } from 'zod';
import { isNumericType, type TDataType } from './data-type';
import { fieldIssue } from './field-issues';
import { isSessionScoped, type TPropertyScope } from './property-scope';

export const SESSION_AGGREGATIONS = ['last', 'first', 'min', 'max', 'sum'] as const;
export const DEFAULT_SESSION_AGGREGATION = 'last';

export const ZSessionAggregation = z.enum(SESSION_AGGREGATIONS, {
  error: `sessionAggregation must be one of ${SESSION_AGGREGATIONS.join(', ')}`,
});
export type TSessionAggregation = z.infer<typeof ZSessionAggregation>;

function typeIssue(aggregation: TSessionAggregation, dataType: TDataType): TFieldIssue[] {
  if (aggregation === 'sum' && !isNumericType(dataType)) {
    return [fieldIssue('sessionAggregation', 'aggregation_type', `sum needs a long or double property; this one is ${dataType}`)];
  }
  const ordered = isNumericType(dataType) || dataType === 'date';
  if ((aggregation === 'min' || aggregation === 'max') && !ordered) {
    return [fieldIssue('sessionAggregation', 'aggregation_type', `${aggregation} needs a long, double or date property; this one is ${dataType}`)];
  }
  return [];
}

/** Rules for an explicitly chosen aggregation; `undefined`/`null` means "use the default". */
export function validateSessionAggregation(
  aggregation: TSessionAggregation | null | undefined,
  scope: TPropertyScope,
  dataType: TDataType,
): TFieldIssue[] {
  if (aggregation == null) return [];
  if (!isSessionScoped(scope)) {
    return [fieldIssue('sessionAggregation', 'aggregation_scope', 'sessionAggregation applies only to session or both scope; an event property keeps every value')];
  }
  return typeIssue(aggregation, dataType);
}
