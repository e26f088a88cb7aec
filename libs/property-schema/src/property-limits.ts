import { z } from 'zod';
import { addFieldIssues, fieldIssue, WHEN_FIELDS_VALID } from './field-issues';

export const DEFAULT_PROPERTY_LIMITS = { maxProperties: 200, maxEventProperties: 20, freeTierProperties: 20 } as const;

const count = (max: number) => z.number().int().min(0).max(max);

/** Per-application limits of SPEC §4.4; only an admin may change them. */
export const ZPropertyLimits = z
  .object({
    maxProperties: count(10_000).min(1).default(DEFAULT_PROPERTY_LIMITS.maxProperties),
    maxEventProperties: count(10_000).default(DEFAULT_PROPERTY_LIMITS.maxEventProperties),
    freeTierProperties: count(10_000).default(DEFAULT_PROPERTY_LIMITS.freeTierProperties),
  })
  .superRefine((limits, ctx) => {
    if (limits.maxEventProperties > limits.maxProperties) {
      addFieldIssues(ctx, [fieldIssue('maxEventProperties', 'limit_inconsistent', `maxEventProperties (${limits.maxEventProperties}) cannot exceed maxProperties (${limits.maxProperties})`)]);
    }
    if (limits.freeTierProperties > limits.maxProperties) {
      addFieldIssues(ctx, [fieldIssue('freeTierProperties', 'limit_inconsistent', `freeTierProperties (${limits.freeTierProperties}) cannot exceed maxProperties (${limits.maxProperties})`)]);
    }
  }, WHEN_FIELDS_VALID);
export type TPropertyLimits = z.infer<typeof ZPropertyLimits>;
