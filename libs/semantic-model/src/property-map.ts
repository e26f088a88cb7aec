import { z } from 'zod';
import { BEACON_LIMITS } from './limits';

export type TPropertyScalar = string | number | boolean | null;

function isScalar(value: unknown): value is TPropertyScalar {
  const kind = typeof value;
  return value === null || kind === 'string' || kind === 'boolean' || (kind === 'number' && Number.isFinite(value));
}

const ZPropertyScalar = z
  .custom<TPropertyScalar>(isScalar, {
    message: 'expected a string, finite number, boolean or null',
    params: { rule: 'property_scalar' },
  })
  .check((ctx) => {
    if (typeof ctx.value === 'string' && ctx.value.length > BEACON_LIMITS.maxPropertyStringLength) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `string values are at most ${BEACON_LIMITS.maxPropertyStringLength} characters`,
        params: { rule: 'property_string_length' },
      });
    }
  });

/**
 * Raw property map as sent by the SDK. Only sizes are enforced here; definition lookup, typing
 * and the 1000-character truncation are validation-rules' job, where a bad property is dropped
 * instead of rejecting the beacon.
 */
export const ZPropertyMap = z
  .record(z.string().min(1).max(BEACON_LIMITS.maxPropertyKeyLength), ZPropertyScalar)
  .check((ctx) => {
    if (Object.keys(ctx.value).length > BEACON_LIMITS.maxPropertyEntries) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `at most ${BEACON_LIMITS.maxPropertyEntries} properties per map`,
        params: { rule: 'max_properties' },
      });
    }
  });

export type TPropertyMap = z.infer<typeof ZPropertyMap>;
