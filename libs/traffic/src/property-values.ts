import type { TPropertyMap, TPropertyScalar } from '@trailmark/semantic-model';
import { UNDEFINED_KEYS } from './catalog';
import type { TRandom } from './random';

export type TTrafficDataType = 'string' | 'long' | 'double' | 'number' | 'boolean' | 'date';
export type TTrafficScope = 'event' | 'session' | 'both';

/** The part of a property definition the generator needs; a stored or listed definition fits. */
export interface TTrafficPropertyDefinition {
  key: string;
  scope: TTrafficScope;
  dataType: TTrafficDataType;
  maxLength?: number | null;
  cleanupRule?: string | null;
}

/** How often values are deliberately wrong, so the collector's drops show up in the console. */
export interface TPropertyNoise {
  /** Probability that one value is of the wrong type. */
  typeMismatch: number;
  /** Probability that a map also carries a key no definition has. */
  undefinedKey: number;
  /** Probability that a map carries a key of the other scope. */
  wrongScope: number;
}

export const DEFAULT_NOISE: TPropertyNoise = { typeMismatch: 0.02, undefinedKey: 0.04, wrongScope: 0.02 };
export const NO_NOISE: TPropertyNoise = { typeMismatch: 0, undefinedKey: 0, wrongScope: 0 };

const DAY_MS = 86_400_000;

// Known keys (the demo application's, the packs') get plausible vocabularies; others generic ones.
const STRING_VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  payment_method: ['card', 'paypal', 'apple_pay', 'google_pay', 'invoice', 'klarna'],
  loyalty_tier: ['bronze', 'silver', 'gold', 'platinum'],
  utm_source: ['google', 'newsletter', 'facebook', 'instagram', 'partner_blog', 'bing'],
  utm_medium: ['cpc', 'email', 'social', 'referral', 'display'],
  utm_campaign: ['black_friday', 'spring_sale', 'retargeting_q4', 'brand', 'new_arrivals'],
  utm_term: ['running shoes', 'rain jacket', 'trail gear', 'hiking boots'],
  utm_content: ['hero_banner', 'footer_link', 'carousel_2', 'text_ad'],
  app_version: ['4.12.0', '4.12.1', '4.13.0-beta.2'],
  page_language: ['en', 'de', 'fr', 'pt', 'ja'],
  plan: ['free', 'pro', 'enterprise'],
};
const GENERIC_WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];

const NUMERIC_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  basket_items: [0, 12],
  cart_value: [4.99, 480],
  items: [0, 12],
  quantity: [1, 6],
  price: [1, 300],
};

function rangeFor(key: string, fallback: readonly [number, number]): readonly [number, number] {
  const lower = key.toLowerCase();
  const known = Object.entries(NUMERIC_RANGES).find(([name]) => lower.includes(name));
  return known ? known[1] : fallback;
}

function fitsCleanup(value: string, rule: RegExp | null): boolean {
  return rule === null || rule.test(value);
}

function compileCleanup(rule: string | null | undefined): RegExp | null {
  if (!rule) return null;
  try {
    return new RegExp(rule);
  } catch {
    return null;
  }
}

function stringValue(random: TRandom, definition: TTrafficPropertyDefinition, userTag: string | undefined): string {
  const lower = definition.key.toLowerCase();
  const vocabulary = STRING_VOCABULARY[lower];
  const cleanup = compileCleanup(definition.cleanupRule);
  const candidates: string[] = [];
  for (let attempt = 0; attempt < 6; attempt++) {
    let value: string;
    if (vocabulary) value = random.pick(vocabulary);
    else if (lower.includes('email') && userTag) value = userTag;
    else if (lower.includes('id')) value = `${random.pick(['u', 'c', 'x'])}-${random.hex(8)}`;
    else value = `${random.pick(GENERIC_WORDS)}-${random.int(1, 99)}`;
    candidates.push(value);
    if (fitsCleanup(value, cleanup)) break;
  }
  const chosen = candidates.find((value) => fitsCleanup(value, cleanup)) ?? candidates[candidates.length - 1] ?? '';
  const maxLength = definition.maxLength ?? 1000;
  return chosen.slice(0, Math.max(1, maxLength));
}

/** A valid value for the definition's type, in a shape the collector accepts (sometimes as text). */
export function validValueFor(random: TRandom, definition: TTrafficPropertyDefinition, context: { ts: number; userTag?: string }): TPropertyScalar {
  switch (definition.dataType) {
    case 'string':
      return stringValue(random, definition, context.userTag);
    case 'long': {
      // Now and then beyond 2^53, sent as text as §5 asks for longs a double cannot hold.
      if (random.chance(0.01)) return (2n ** 62n + BigInt(random.int(0, 1_000_000))).toString();
      const [min, max] = rangeFor(definition.key, [0, 10_000]);
      const value = random.int(Math.ceil(min), Math.floor(max));
      return random.chance(0.05) ? String(value) : value;
    }
    case 'double':
    case 'number': {
      const [min, max] = rangeFor(definition.key, [0, 1000]);
      const value = Math.round(random.float(min, max) * 100) / 100;
      return random.chance(0.05) ? value.toFixed(2) : value;
    }
    case 'boolean': {
      const value = random.chance(0.5);
      return random.chance(0.05) ? String(value) : value;
    }
    case 'date': {
      const epoch = Math.round(context.ts - random.float(0, 3 * 365) * DAY_MS);
      return random.chance(0.3) ? new Date(epoch).toISOString() : epoch;
    }
  }
}

/** A value the definition's type rejects (type_mismatch). Strings accept any scalar, so they get null. */
export function mismatchedValueFor(random: TRandom, definition: TTrafficPropertyDefinition): TPropertyScalar {
  switch (definition.dataType) {
    case 'string':
      return null;
    case 'long':
      return random.pick([3.75, 'twelve', true]);
    case 'double':
    case 'number':
      return random.pick(['n/a', false, '12,50']);
    case 'boolean':
      return random.pick(['yes', 1, 'on']);
    case 'date':
      return random.pick(['yesterday', true, '31/12/2024']);
  }
}

function acceptsScope(definition: TTrafficPropertyDefinition, scope: 'event' | 'session'): boolean {
  return definition.scope === 'both' || definition.scope === scope;
}

export interface TPropertyPlan {
  eventDefinitions: readonly TTrafficPropertyDefinition[];
  sessionDefinitions: readonly TTrafficPropertyDefinition[];
  /** Keys defined with the other scope only: sending them is a wrong_scope drop. */
  eventOnly: readonly TTrafficPropertyDefinition[];
  sessionOnly: readonly TTrafficPropertyDefinition[];
  undefinedKeys: readonly string[];
}

export function planProperties(definitions: readonly TTrafficPropertyDefinition[]): TPropertyPlan {
  const taken = new Set(definitions.map((definition) => definition.key.toLowerCase()));
  return {
    eventDefinitions: definitions.filter((definition) => acceptsScope(definition, 'event')),
    sessionDefinitions: definitions.filter((definition) => acceptsScope(definition, 'session')),
    eventOnly: definitions.filter((definition) => definition.scope === 'event'),
    sessionOnly: definitions.filter((definition) => definition.scope === 'session'),
    undefinedKeys: UNDEFINED_KEYS.filter((key) => !taken.has(key.toLowerCase())),
  };
}

/**
 * A property map for one event: each applicable definition with probability `coverage`, plus the
 * configured noise (a wrong type, an undefined key, a key of the other scope).
 */
export function buildPropertyMap(
  random: TRandom,
  plan: TPropertyPlan,
  scope: 'event' | 'session',
  options: { ts: number; userTag?: string; coverage: number; noise: TPropertyNoise },
): TPropertyMap | undefined {
  const map: TPropertyMap = {};
  const definitions = scope === 'event' ? plan.eventDefinitions : plan.sessionDefinitions;
  for (const definition of definitions) {
    if (!random.chance(options.coverage)) continue;
    map[definition.key] = random.chance(options.noise.typeMismatch)
      ? mismatchedValueFor(random, definition)
      : validValueFor(random, definition, options);
  }
  if (plan.undefinedKeys.length > 0 && random.chance(options.noise.undefinedKey)) {
    map[random.pick(plan.undefinedKeys)] = random.pick(['on', 'B', 42, true]);
  }
  const otherScope = scope === 'event' ? plan.sessionOnly : plan.eventOnly;
  if (otherScope.length > 0 && random.chance(options.noise.wrongScope)) {
    const definition = random.pick(otherScope);
    map[definition.key] = validValueFor(random, definition, options);
  }
  return Object.keys(map).length > 0 ? map : undefined;
}
