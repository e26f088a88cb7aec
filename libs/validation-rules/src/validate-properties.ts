import { applyCleanup, NO_MATCH, truncate } from './clean-string';
import { coerceValue, TYPE_MISMATCH, type TPropertyValue } from './coerce-value';
import type { TPropertyDefinitionLike } from './definition';
import { createDefinitionIndex, findDefinition, type TCompiledDefinition, type TDefinitionIndex } from './definition-index';

export const DROP_REASONS = ['undefined_key', 'wrong_scope', 'type_mismatch', 'cleanup_no_match', 'dnt'] as const;
export type TDropReason = (typeof DROP_REASONS)[number];

/** `key` is the key as sent, so "undefined keys seen" shows what the page really used. */
export interface TPropertyDrop {
  key: string;
  reason: TDropReason;
}

export interface TValidatedProperties {
  /** By the definition's canonical key. */
  values: Record<string, TPropertyValue>;
  drops: TPropertyDrop[];
}

export type TPropertyTarget = 'event' | 'session';

export interface TValidationContext {
  /** Pass the cached index; a plain array is compiled once per array identity. */
  definitions: TDefinitionIndex | readonly TPropertyDefinitionLike[];
  /** The beacon's Do-Not-Track flag. */
  dnt: boolean;
  appHonoursDnt: boolean;
}

interface TDropSignal {
  readonly reason: TDropReason;
}
// Preallocated, so judging a property allocates nothing; values are never objects, drops always are.
const SIGNALS: Readonly<Record<TDropReason, TDropSignal>> = {
  undefined_key: { reason: 'undefined_key' },
  wrong_scope: { reason: 'wrong_scope' },
  type_mismatch: { reason: 'type_mismatch' },
  cleanup_no_match: { reason: 'cleanup_no_match' },
  dnt: { reason: 'dnt' },
};

const compiledArrays = new WeakMap<readonly TPropertyDefinitionLike[], TDefinitionIndex>();

/**
 * SPEC §5 for one property map. Each property is kept or dropped with exactly one reason; the
 * event itself is never rejected. When several keys fold onto one case-insensitive definition,
 * the exact-case key wins, otherwise the first one seen.
 */
export function validateProperties(
  raw: Record<string, unknown> | undefined,
  target: TPropertyTarget,
  ctx: TValidationContext,
): TValidatedProperties {
  const values: Record<string, TPropertyValue> = {};
  const drops: TPropertyDrop[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { values, drops };
  const index = indexOf(ctx.definitions);
  const isDntActive = ctx.dnt && ctx.appHonoursDnt;
  for (const key in raw) {
    if (!Object.hasOwn(raw, key)) continue;
    const definition = findDefinition(index, key);
    const outcome = definition === undefined ? SIGNALS.undefined_key : judge(raw[key], target, definition, isDntActive);
    if (typeof outcome === 'object') drops.push({ key, reason: outcome.reason });
    else if (definition !== undefined) keep(values, definition.key, key, outcome);
  }
  return { values, drops };
}

function indexOf(definitions: TValidationContext['definitions']): TDefinitionIndex {
  if (!Array.isArray(definitions)) return definitions as TDefinitionIndex;
  let index = compiledArrays.get(definitions);
  if (index === undefined) {
    index = createDefinitionIndex(definitions);
    compiledArrays.set(definitions, index);
  }
  return index;
}

// Steps 2–5 of §5, in order; step 1 (lookup) is done by the caller.
function judge(
  value: unknown,
  target: TPropertyTarget,
  definition: TCompiledDefinition,
  isDntActive: boolean,
): TPropertyValue | TDropSignal {
  if (definition.scope !== 'both' && definition.scope !== target) return SIGNALS.wrong_scope;
  let coerced = coerceValue(value, definition.dataType);
  if (coerced === TYPE_MISMATCH) return SIGNALS.type_mismatch;
  if (typeof coerced === 'string') {
    const cleaned = applyCleanup(truncate(coerced, definition.maxLength), definition.cleanup);
    if (cleaned === NO_MATCH) return SIGNALS.cleanup_no_match;
    coerced = cleaned;
  }
  if (isDntActive && definition.honourDnt) return SIGNALS.dnt;
  return coerced;
}

function keep(values: Record<string, TPropertyValue>, canonicalKey: string, rawKey: string, value: TPropertyValue): void {
  const isTaken = Object.hasOwn(values, canonicalKey);
  if (isTaken && rawKey !== canonicalKey) return;
  if (canonicalKey !== '__proto__') values[canonicalKey] = value;
  // Plain assignment to "__proto__" would replace the prototype instead of storing data.
  else Object.defineProperty(values, canonicalKey, { value, enumerable: true, writable: true, configurable: true });
}
