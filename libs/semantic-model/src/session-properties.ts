import type { TStoredEvent, TStoredPropertyValue } from './stored-event';

export const SESSION_AGGREGATIONS = ['last', 'first', 'min', 'max', 'sum'] as const;
export type TSessionAggregation = (typeof SESSION_AGGREGATIONS)[number];
export type TPropertyDataType = 'string' | 'long' | 'double' | 'boolean' | 'date';

/** What the summary needs of a session-scoped property definition. */
export interface TSessionPropertyDefinition {
  key: string;
  dataType: TPropertyDataType;
  sessionAggregation?: TSessionAggregation | null;
}

/**
 * Aggregates each defined session property over events already in (ts, eventId) order:
 * `last`/`first` take the latest/earliest value; `min`/`max` compare numbers numerically,
 * strings by code unit and booleans as false < true; `sum` adds longs (exactly, via bigint)
 * and doubles, and behaves as `last` for other types. Values that no longer fit the
 * definition's type, and keys with no definition, are ignored.
 */
export function aggregateSessionProperties(
  ordered: readonly TStoredEvent[],
  definitions: readonly TSessionPropertyDefinition[],
): Record<string, TStoredPropertyValue> {
  const result: Record<string, TStoredPropertyValue> = {};
  for (const definition of definitions) {
    const values = collectValues(ordered, definition);
    if (values.length === 0) continue;
    Object.defineProperty(result, definition.key, {
      value: reduceValues(values, definition),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

function collectValues(ordered: readonly TStoredEvent[], definition: TSessionPropertyDefinition): TStoredPropertyValue[] {
  const values: TStoredPropertyValue[] = [];
  for (const event of ordered) {
    if (!Object.hasOwn(event.sessionProperties, definition.key)) continue;
    const value = event.sessionProperties[definition.key];
    if (value !== undefined && fitsType(value, definition.dataType)) values.push(value);
  }
  return values;
}

function fitsType(value: TStoredPropertyValue, dataType: TPropertyDataType): boolean {
  switch (dataType) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'long':
      return typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
    case 'double':
    case 'date':
      return typeof value === 'number' && Number.isFinite(value);
  }
}

function reduceValues(values: readonly TStoredPropertyValue[], definition: TSessionPropertyDefinition): TStoredPropertyValue {
  const aggregation = definition.sessionAggregation ?? 'last';
  const first = values[0] as TStoredPropertyValue;
  const last = values[values.length - 1] as TStoredPropertyValue;
  if (aggregation === 'first') return first;
  if (aggregation === 'min') return values.reduce((a, b) => (compareValues(b, a) < 0 ? b : a));
  if (aggregation === 'max') return values.reduce((a, b) => (compareValues(b, a) > 0 ? b : a));
  if (aggregation === 'sum' && definition.dataType === 'long') return sumLongs(values);
  if (aggregation === 'sum' && definition.dataType === 'double') return values.reduce((a, b) => (a as number) + (b as number), 0);
  return last;
}

function compareValues(a: TStoredPropertyValue, b: TStoredPropertyValue): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = toComparable(a);
  const y = toComparable(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function toComparable(value: TStoredPropertyValue): number | bigint {
  return typeof value === 'bigint' || typeof value === 'number' ? value : 0;
}

/** Exact sum; a number while it stays a safe integer, otherwise a bigint. */
export function sumLongs(values: readonly TStoredPropertyValue[]): number | bigint {
  let total = 0n;
  for (const value of values) total += typeof value === 'bigint' ? value : BigInt(value as number);
  return toLongValue(total);
}

export function toLongValue(value: bigint): number | bigint {
  const isSafe = value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER);
  return isSafe ? Number(value) : value;
}
