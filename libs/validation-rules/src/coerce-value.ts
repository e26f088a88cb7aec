import type { TPropertyDataType } from './definition';
import { parseIsoDate } from './parse-iso-date';

export type TPropertyValue = string | number | boolean | bigint;

/** Returned instead of a value when coercion fails; a sentinel keeps the hot path allocation-free. */
export const TYPE_MISMATCH: unique symbol = Symbol('type_mismatch');
export type TCoerced = TPropertyValue | typeof TYPE_MISMATCH;

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const TWO_POW_63 = 2 ** 63;
const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);
/** ±8.64e15 ms is the range a JS Date can represent. */
const MAX_EPOCH_MS = 8.64e15;
const INTEGER_TEXT = /^[-+]?\d{1,19}$/;
// Unambiguous, so it matches in linear time; hex, "Infinity" and "" (Number('') is 0) are excluded.
const DECIMAL_TEXT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const MAX_NUMERIC_TEXT = 400;

export function coerceValue(value: unknown, dataType: TPropertyDataType): TCoerced {
  switch (dataType) {
    case 'string':
      return toText(value);
    case 'long':
      return toLong(value);
    case 'double':
      return toDouble(value);
    case 'boolean':
      return toBoolean(value);
    case 'date':
      return toEpochMs(value);
  }
}

/** Any scalar as text; null, objects and arrays are not scalars here. */
function toText(value: unknown): TCoerced {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : TYPE_MISMATCH;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return TYPE_MISMATCH;
}

/**
 * An integer in [-2^63, 2^63 - 1], from a JS integer, a bigint or an integer string. The result
 * is a number when it is a safe integer (|v| ≤ 2^53 - 1) and a bigint otherwise, so no digit is
 * lost. 2^63 - 1 is not representable as a JS number (it rounds to 2^63), so send it as a string.
 */
function toLong(value: unknown): TCoerced {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < -TWO_POW_63 || value >= TWO_POW_63) return TYPE_MISMATCH;
    return Number.isSafeInteger(value) ? value + 0 : BigInt(value);
  }
  if (typeof value === 'bigint') return narrowLong(value);
  if (typeof value === 'string' && INTEGER_TEXT.test(value)) return narrowLong(BigInt(value));
  return TYPE_MISMATCH;
}

function narrowLong(value: bigint): TCoerced {
  if (value < LONG_MIN || value > LONG_MAX) return TYPE_MISMATCH;
  return value >= SAFE_MIN && value <= SAFE_MAX ? Number(value) : value;
}

function toDouble(value: unknown): TCoerced {
  if (typeof value === 'number') return Number.isFinite(value) ? value : TYPE_MISMATCH;
  if (typeof value === 'bigint') return finiteOrMismatch(Number(value));
  if (typeof value === 'string' && value.length <= MAX_NUMERIC_TEXT && DECIMAL_TEXT.test(value)) {
    return finiteOrMismatch(Number(value));
  }
  return TYPE_MISMATCH;
}

function finiteOrMismatch(value: number): TCoerced {
  return Number.isFinite(value) ? value : TYPE_MISMATCH;
}

function toBoolean(value: unknown): TCoerced {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return TYPE_MISMATCH;
}

/** Epoch ms (a finite number within the Date range) or an ISO-8601 string, as epoch ms. */
function toEpochMs(value: unknown): TCoerced {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= MAX_EPOCH_MS ? value : TYPE_MISMATCH;
  if (typeof value !== 'string') return TYPE_MISMATCH;
  const millis = parseIsoDate(value);
  return millis !== null && Math.abs(millis) <= MAX_EPOCH_MS ? millis : TYPE_MISMATCH;
}
