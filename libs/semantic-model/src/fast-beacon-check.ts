import { ACTION_TYPES, ERROR_TYPES, INTERACTION_TYPES, type TEventType } from './beacon-events';
import type { TBeacon } from './beacon';
import { BEACON_LIMITS as L } from './limits';

type TCheck = (value: unknown) => boolean;
type TFields = Record<string, { check: TCheck; optional: boolean }>;
/** An object's fields (name → check, optional or not) and, precomputed, the required names. */
export interface TFastShape {
  fields: TFields;
  required: string[];
}

const shapeOf = (fields: TFields): TFastShape => ({ fields, required: Object.keys(fields).filter((key) => !(fields[key] as { optional: boolean }).optional) });

const string = (min: number, max: number): TCheck => (v) => typeof v === 'string' && v.length >= min && v.length <= max;
const nonNegative: TCheck = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const intBetween = (min: number, max: number): TCheck => (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
const oneOf = (values: readonly string[]): TCheck => (v) => typeof v === 'string' && values.includes(v);
const isBoolean: TCheck = (v) => typeof v === 'boolean';
const dimensions: TCheck = (v) => typeof v === 'string' && /^\d{1,5}x\d{1,5}$/.test(v);

const required = (check: TCheck) => ({ check, optional: false });
const optional = (check: TCheck) => ({ check, optional: true });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The fast path gives up (and zod decides) on anything unusual, `__proto__` keys included.
function matches(value: unknown, shape: TFastShape): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) {
    if (!Object.hasOwn(shape.fields, key) || !Object.hasOwn(value, key)) return false;
    if (!(shape.fields[key] as { check: TCheck }).check(value[key])) return false;
  }
  for (const key of shape.required) if (!Object.hasOwn(value, key)) return false;
  return true;
}

const propertyValue: TCheck = (v) => v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= L.maxPropertyStringLength);

const propertyMap: TCheck = (v) => {
  if (!isRecord(v)) return false;
  let entries = 0;
  for (const key in v) {
    if (!Object.hasOwn(v, key) || key.length === 0 || key.length > L.maxPropertyKeyLength || key === '__proto__' || !propertyValue(v[key])) return false;
    entries += 1;
  }
  return entries <= L.maxPropertyEntries;
};

const url = string(0, L.maxUrlLength);
const text = string(0, L.maxTextLength);
const identifier = string(1, L.maxIdentifierLength);
const status = intBetween(0, 999);
const count = intBetween(0, Number.MAX_SAFE_INTEGER);

const timingsShape = shapeOf(Object.fromEntries(['ttfb', 'dom_content_loaded', 'load', 'lcp', 'cls', 'inp'].map((key) => [key, optional(nonNegative)])));
const timings: TCheck = (v) => matches(v, timingsShape);

const baseFields: TFields = {
  id: required(string(1, L.maxIdLength)),
  type: required(() => true),
  ts: required(nonNegative),
  url: optional(url),
  event_properties: optional(propertyMap),
  session_properties: optional(propertyMap),
};

/** Every event type's fields, mirroring beacon-events.ts (a test keeps the key sets equal). */
export const FAST_EVENT_SHAPES: Record<TEventType, TFastShape> = {
  navigation: shapeOf({ ...baseFields, timings: optional(timings), soft: optional(isBoolean) }),
  user_action: shapeOf({
    ...baseFields,
    action_type: required(oneOf(ACTION_TYPES)),
    name: required(text),
    duration: required(nonNegative),
    target_url: optional(url),
    request_count: optional(count),
    error_count: optional(count),
    start: optional(nonNegative),
    end: optional(nonNegative),
    timings: optional(timings),
  }),
  request: shapeOf({ ...baseFields, url: required(url), method: required(string(1, L.maxMethodLength)), status: required(status), duration: required(nonNegative) }),
  user_interaction: shapeOf({ ...baseFields, interaction: required(oneOf(INTERACTION_TYPES)), target: required(text) }),
  error: shapeOf({
    ...baseFields,
    error_type: required(oneOf(ERROR_TYPES)),
    message: required(text),
    stack: optional(string(0, L.maxStackLength)),
    status: optional(status),
    source_url: optional(url),
  }),
  session_property: shapeOf({ ...baseFields, session_properties: required(propertyMap) }),
  page_summary: shapeOf(baseFields),
  view_summary: shapeOf(baseFields),
  session_end: shapeOf(baseFields),
};

const event: TCheck = (v) => {
  if (!isRecord(v) || typeof v['type'] !== 'string' || !Object.hasOwn(FAST_EVENT_SHAPES, v['type'])) return false;
  return matches(v, FAST_EVENT_SHAPES[v['type'] as TEventType]);
};

// An index loop, not `every`, so a hole in the array is checked (and refused) too.
function events(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > L.maxEvents) return false;
  for (let i = 0; i < v.length; i++) if (!event(v[i])) return false;
  return true;
}

const pageShape = shapeOf({ url: required(url), title: optional(text), referrer: optional(url) });
const deviceShape = shapeOf({ screen: optional(dimensions), window: optional(dimensions) });

export const FAST_BEACON_SHAPE = shapeOf({
  v: required((v) => v === 1),
  app: required(identifier),
  session: required(identifier),
  instance: required(identifier),
  seq: required(count),
  sent_at: required(nonNegative),
  user_tag: optional(text),
  dnt: optional(isBoolean),
  page: optional((v) => matches(v, pageShape)),
  device: optional((v) => matches(v, deviceShape)),
  events: required(events),
});

export const FAST_NESTED_SHAPES = { timings: timingsShape, page: pageShape, device: deviceShape };

/**
 * True when `json` is a beacon that ZBeacon accepts and would return unchanged (no unknown keys
 * to strip): the collector then skips zod on its hot path. False means "let zod decide", never
 * "invalid": every rejection and every error message still comes from ZBeacon.
 */
export function isPlainValidBeacon(json: unknown): json is TBeacon {
  return matches(json, FAST_BEACON_SHAPE);
}
