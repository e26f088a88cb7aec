import { toFieldIssues, type TFieldIssue } from '@trailmark/errors';
import { z } from 'zod';
import { validateCaptureSource, ZCaptureSource } from './capture-source';
import { validateCleanupRule } from './cleanup-rule';
import { ZDataType, type TDataType } from './data-type';
import { addFieldIssues, fieldIssue } from './field-issues';
import { keyLengthIssues, ZPropertyKey, ZPropertyKeyFormat } from './property-key';
import { isSessionScoped, ZPropertyScope, type TPropertyScope } from './property-scope';
import { DEFAULT_SESSION_AGGREGATION, validateSessionAggregation, ZSessionAggregation, type TSessionAggregation } from './session-aggregation';

export const MAX_STRING_LENGTH = 1000;
export const MAX_DISPLAY_NAME_LENGTH = 200;

/** Forms send '' for an empty optional field; it means "not set". */
const emptyToNull = (value: string | null | undefined): string | null => (value == null || value === '' ? null : value);

const ZDisplayName = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (value.length <= MAX_DISPLAY_NAME_LENGTH) return;
    addFieldIssues(ctx, [fieldIssue('', 'display_name_too_long', `displayName is ${value.length} characters; the limit is ${MAX_DISPLAY_NAME_LENGTH}`)]);
  })
  .nullish()
  .transform(emptyToNull);

const ZExpression = z.string().trim().nullish().transform(emptyToNull);
const ZCleanupRuleText = z.string().nullish().transform(emptyToNull);

const ZMaxLength = z
  .number({ error: 'maxLength must be a number' })
  .superRefine((value, ctx) => {
    if (Number.isInteger(value) && value >= 1 && value <= MAX_STRING_LENGTH) return;
    addFieldIssues(ctx, [fieldIssue('', 'max_length_range', `maxLength must be a whole number from 1 to ${MAX_STRING_LENGTH}; got ${value}`)]);
  })
  .nullish();

/** The cross-field shape every rule below reads; both create and merged updates pass through it. */
interface TDefinitionRuleInput {
  key: string;
  scope: TPropertyScope;
  dataType: TDataType;
  source: z.infer<typeof ZCaptureSource>;
  expression: string | null;
  sessionAggregation?: TSessionAggregation | null | undefined;
  maxLength?: number | null | undefined;
  cleanupRule: string | null;
}

function stringOnlyIssues(input: TDefinitionRuleInput): TFieldIssue[] {
  if (input.dataType === 'string') return input.cleanupRule === null ? [] : validateCleanupRule(input.cleanupRule);
  const issues: TFieldIssue[] = [];
  if (input.maxLength != null) issues.push(fieldIssue('maxLength', 'max_length_strings_only', `maxLength applies only to string properties; this one is ${input.dataType}`));
  if (input.cleanupRule !== null) issues.push(fieldIssue('cleanupRule', 'cleanup_rule_strings_only', `cleanupRule applies only to string properties; this one is ${input.dataType}`));
  return issues;
}

/** The rules that span fields of one definition (SPEC §4.1, §4.2); field formats are checked by the schema. */
export function validateDefinitionRules(input: TDefinitionRuleInput): TFieldIssue[] {
  return [
    ...keyLengthIssues(input.key, input.scope),
    ...validateCaptureSource(input.source, input.expression, input.dataType),
    ...validateSessionAggregation(input.sessionAggregation, input.scope, input.dataType),
    ...stringOnlyIssues(input),
  ];
}

function normaliseDefinition<T extends TDefinitionRuleInput>(input: T) {
  return {
    ...input,
    sessionAggregation: isSessionScoped(input.scope) ? (input.sessionAggregation ?? DEFAULT_SESSION_AGGREGATION) : null,
    maxLength: input.dataType === 'string' ? (input.maxLength ?? MAX_STRING_LENGTH) : null,
  };
}

/** What the create form and the API accept (SPEC §4.1); the parsed value is normalised and ready to store. */
export const ZPropertyDefinitionInput = z
  .strictObject({
    key: ZPropertyKeyFormat,
    displayName: ZDisplayName,
    scope: ZPropertyScope,
    dataType: ZDataType,
    source: ZCaptureSource.default('api'),
    expression: ZExpression,
    sessionAggregation: ZSessionAggregation.nullish(),
    caseInsensitive: z.boolean().default(false),
    maxLength: ZMaxLength,
    cleanupRule: ZCleanupRuleText,
    honourDnt: z.boolean().default(true),
  })
  .superRefine((input, ctx) => addFieldIssues(ctx, validateDefinitionRules(input)))
  .transform((input) => normaliseDefinition(input));
/** A parsed, normalised definition input. */
export type TPropertyDefinitionInput = z.output<typeof ZPropertyDefinitionInput>;
/** What a form or API client sends. */
export type TPropertyDefinitionInputRaw = z.input<typeof ZPropertyDefinitionInput>;

const IMMUTABLE_REASONS = {
  key: 'key cannot be changed: stored events and queries refer to it; retire this property and define a new one',
  scope: 'scope cannot be changed: values already stored live on events or sessions by scope; retire this property and define a new one',
  dataType: 'dataType cannot be changed: stored values are typed; retire this property and define a new one',
} as const;

const immutableField = z.unknown().optional();

/** A patch: omit a field to keep it, `null` to clear an optional one. */
export const ZPropertyDefinitionUpdate = z
  .strictObject({
    key: immutableField,
    scope: immutableField,
    dataType: immutableField,
    displayName: ZDisplayName.optional(),
    source: ZCaptureSource.optional(),
    expression: z.string().trim().nullish(),
    sessionAggregation: ZSessionAggregation.nullish(),
    caseInsensitive: z.boolean().optional(),
    maxLength: ZMaxLength,
    cleanupRule: z.string().nullish(),
    honourDnt: z.boolean().optional(),
  })
  .superRefine((patch, ctx) => {
    for (const field of ['key', 'scope', 'dataType'] as const) {
      if (patch[field] === undefined) continue;
      addFieldIssues(ctx, [fieldIssue(field, 'immutable_field', IMMUTABLE_REASONS[field])]);
    }
  })
  .transform(({ key: _key, scope: _scope, dataType: _dataType, ...patch }) => patch);
export type TPropertyDefinitionUpdate = z.output<typeof ZPropertyDefinitionUpdate>;
export type TPropertyDefinitionUpdateRaw = z.input<typeof ZPropertyDefinitionUpdate>;

/** The stored form, as read back from the database or an API response. */
export const ZPropertyDefinition = z.object({
  id: z.string().min(1),
  applicationId: z.string().min(1),
  key: ZPropertyKey,
  displayName: z.string().nullable(),
  scope: ZPropertyScope,
  dataType: ZDataType,
  source: ZCaptureSource,
  expression: z.string().nullable(),
  sessionAggregation: ZSessionAggregation.nullable(),
  caseInsensitive: z.boolean(),
  maxLength: z.number().int().nullable(),
  cleanupRule: z.string().nullable(),
  honourDnt: z.boolean(),
  retiredAt: z.coerce.date().nullable(),
  createdAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
});
export type TPropertyDefinition = z.infer<typeof ZPropertyDefinition>;

export type TDefinitionUpdateResult = { ok: true; definition: TPropertyDefinitionInput } | { ok: false; issues: TFieldIssue[] };

function pickInputFields(current: TPropertyDefinitionInput): TPropertyDefinitionInputRaw {
  const { key, displayName, scope, dataType, source, expression, sessionAggregation, caseInsensitive, maxLength, cleanupRule, honourDnt } = current;
  return { key, displayName, scope, dataType, source, expression, sessionAggregation, caseInsensitive, maxLength, cleanupRule, honourDnt };
}

function definedEntries(patch: TPropertyDefinitionUpdate): Partial<TPropertyDefinitionInputRaw> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}

/** Applies a parsed patch to the current definition and re-checks every cross-field rule. */
export function mergeDefinitionUpdate(current: TPropertyDefinitionInput, patch: TPropertyDefinitionUpdate): TDefinitionUpdateResult {
  const result = ZPropertyDefinitionInput.safeParse({ ...pickInputFields(current), ...definedEntries(patch) });
  if (result.success) return { ok: true, definition: result.data };
  return { ok: false, issues: toFieldIssues(result.error.issues) };
}
