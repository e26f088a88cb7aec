import { createDefinitionIndex, validateProperties, type TPropertyDefinitionLike, type TValidationContext } from './index';

function definition(overrides: Partial<TPropertyDefinitionLike> & Pick<TPropertyDefinitionLike, 'key'>): TPropertyDefinitionLike {
  return { scope: 'event', dataType: 'string', caseInsensitive: false, cleanupRule: null, honourDnt: true, ...overrides };
}

const DEFINITIONS = [
  definition({ key: 'plan', caseInsensitive: true }),
  definition({ key: 'Exact' }),
  definition({ key: 'tier', scope: 'session' }),
  definition({ key: 'visits', scope: 'both', dataType: 'long' }),
  definition({ key: 'price', dataType: 'double' }),
  definition({ key: 'vip', dataType: 'boolean' }),
  definition({ key: 'born', dataType: 'date' }),
  definition({ key: 'code', maxLength: 5, cleanupRule: 'ID-(\\d+)' }),
  definition({ key: 'whole', cleanupRule: '[a-z]+' }),
  definition({ key: 'public', honourDnt: false }),
];
const INDEX = createDefinitionIndex(DEFINITIONS);
const CTX: TValidationContext = { definitions: INDEX, dnt: false, appHonoursDnt: true };

const run = (raw: Record<string, unknown> | undefined, target: 'event' | 'session' = 'event', ctx = CTX) =>
  validateProperties(raw, target, ctx);

describe('validateProperties', () => {
  it('keeps defined properties and drops undefined keys', () => {
    expect(run({ plan: 'pro', nope: 1 })).toEqual({ values: { plan: 'pro' }, drops: [{ key: 'nope', reason: 'undefined_key' }] });
  });

  it('matches case-insensitive definitions under the canonical key only', () => {
    expect(run({ PLAN: 'pro', exact: 'x', Exact: 'y' })).toEqual({
      values: { plan: 'pro', Exact: 'y' },
      drops: [{ key: 'exact', reason: 'undefined_key' }],
    });
  });

  it('lets the exact-case key win when several fold onto one definition', () => {
    expect(run({ PLAN: 'a', plan: 'b', Plan: 'c' }).values).toEqual({ plan: 'b' });
    expect(run({ PLAN: 'a', Plan: 'c' }).values).toEqual({ plan: 'a' });
  });

  it('checks the scope unless the definition is both', () => {
    expect(run({ tier: 'gold', visits: 2 }, 'event')).toEqual({ values: { visits: 2 }, drops: [{ key: 'tier', reason: 'wrong_scope' }] });
    expect(run({ tier: 'gold', plan: 'pro', visits: 2 }, 'session')).toEqual({
      values: { tier: 'gold', visits: 2 },
      drops: [{ key: 'plan', reason: 'wrong_scope' }],
    });
  });

  describe('long', () => {
    it.each([
      [12, 12],
      ['12', 12],
      ['-12', -12],
      ['+7', 7],
      [-0, 0],
      [2 ** 53 - 1, 2 ** 53 - 1],
      [2 ** 53, 2n ** 53n],
      ['9223372036854775807', 2n ** 63n - 1n],
      ['-9223372036854775808', -(2n ** 63n)],
      [-(2 ** 63), -(2n ** 63n)],
      [2n ** 62n, 2n ** 62n],
    ])('accepts %p as %p', (input, expected) => {
      expect(run({ visits: input }).values).toEqual({ visits: expected });
    });

    it.each([
      ['1.5'],
      [1.5],
      ['9223372036854775808'],
      ['-9223372036854775809'],
      [2 ** 63],
      [Number.NaN],
      [Number.POSITIVE_INFINITY],
      [''],
      ['1e3'],
      [' 12'],
      [true],
      [null],
      [{}],
      [[1]],
    ])('rejects %p', (input) => {
      expect(run({ visits: input }).drops).toEqual([{ key: 'visits', reason: 'type_mismatch' }]);
    });
  });

  describe('double', () => {
    it.each([
      [129.5, 129.5],
      ['129.5', 129.5],
      ['-1e3', -1000],
      ['.5', 0.5],
      ['3.', 3],
      [7, 7],
    ])('accepts %p as %p', (input, expected) => {
      expect(run({ price: input }).values).toEqual({ price: expected });
    });

    it.each([['abc'], [''], ['0x10'], ['Infinity'], ['1e999'], [Number.NaN], [Number.NEGATIVE_INFINITY], [false], [null]])(
      'rejects %p',
      (input) => {
        expect(run({ price: input }).drops).toEqual([{ key: 'price', reason: 'type_mismatch' }]);
      },
    );
  });

  describe('boolean', () => {
    it.each([[true, true], [false, false], ['true', true], ['false', false]])('accepts %p', (input, expected) => {
      expect(run({ vip: input }).values).toEqual({ vip: expected });
    });
    it.each([['TRUE'], ['yes'], [1], [0], [null]])('rejects %p', (input) => {
      expect(run({ vip: input }).drops).toEqual([{ key: 'vip', reason: 'type_mismatch' }]);
    });
  });

  describe('date', () => {
    it.each([
      [1763800000000, 1763800000000],
      ['2025-11-22T08:26:40.000Z', Date.UTC(2025, 10, 22, 8, 26, 40)],
      ['2025-11-22T09:26:40+01:00', Date.UTC(2025, 10, 22, 8, 26, 40)],
      ['2025-11-22T03:26:40-0500', Date.UTC(2025, 10, 22, 8, 26, 40)],
      ['2025-11-22T08:26:40.123456Z', Date.UTC(2025, 10, 22, 8, 26, 40, 123)],
      ['2025-11-22T08:26', Date.UTC(2025, 10, 22, 8, 26)],
      ['2025-11-22', Date.UTC(2025, 10, 22)],
      ['2024-02-29', Date.UTC(2024, 1, 29)],
      ['0050-01-01', -60589296000000],
    ])('accepts %p', (input, expected) => {
      expect(run({ born: input }).values).toEqual({ born: expected });
    });
    it.each([['2023-02-29'], ['2025-13-01'], ['2025-11-22T25:00'], ['Nov 22, 2025'], ['1763800000000'], [true], [9e15], [Number.NaN]])(
      'rejects %p',
      (input) => {
        expect(run({ born: input }).drops).toEqual([{ key: 'born', reason: 'type_mismatch' }]);
      },
    );
  });

  describe('string', () => {
    it('turns scalars into text and rejects non-scalars', () => {
      expect(run({ plan: 129.5, Exact: true }).values).toEqual({ plan: '129.5', Exact: 'true' });
      for (const value of [null, undefined, { a: 1 }, ['a'], Number.NaN]) {
        expect(run({ plan: value }).drops).toEqual([{ key: 'plan', reason: 'type_mismatch' }]);
      }
    });

    it('truncates over-long strings to maxLength instead of dropping them (default 1000)', () => {
      expect(run({ plan: 'x'.repeat(1500) }).values).toEqual({ plan: 'x'.repeat(1000) });
      expect(run({ plan: 'x'.repeat(1000) }).values).toEqual({ plan: 'x'.repeat(1000) });
    });

    it('never splits a surrogate pair when truncating', () => {
      const index = createDefinitionIndex([definition({ key: 'emoji', maxLength: 3 })]);
      expect(run({ emoji: 'ab😀c' }, 'event', { ...CTX, definitions: index }).values).toEqual({ emoji: 'ab' });
    });

    it('applies the cleanup rule after truncation, keeping the first group', () => {
      expect(run({ code: 'ID-42' }).values).toEqual({ code: '42' });
      // "ID-123456" is cut to "ID-12" first, so only "12" survives.
      expect(run({ code: 'ID-123456' }).values).toEqual({ code: '12' });
      // The match would only exist past the cut.
      expect(run({ code: 'xxxxxID-1' }).drops).toEqual([{ key: 'code', reason: 'cleanup_no_match' }]);
    });

    it('keeps the whole match when the rule has no group', () => {
      expect(run({ whole: '123abc456' }).values).toEqual({ whole: 'abc' });
      expect(run({ whole: '123' }).drops).toEqual([{ key: 'whole', reason: 'cleanup_no_match' }]);
    });

    it('drops every value of a definition whose cleanup rule does not compile', () => {
      const index = createDefinitionIndex([definition({ key: 'broken', cleanupRule: '(' })]);
      expect(index.brokenCleanupKeys).toEqual(['broken']);
      expect(run({ broken: 'anything' }, 'event', { ...CTX, definitions: index }).drops).toEqual([
        { key: 'broken', reason: 'cleanup_no_match' },
      ]);
    });
  });

  it('drops DNT-honouring properties only when the beacon says DNT and the app honours it', () => {
    const raw = { plan: 'pro', public: 'ok' };
    expect(run(raw, 'event', { ...CTX, dnt: true })).toEqual({ values: { public: 'ok' }, drops: [{ key: 'plan', reason: 'dnt' }] });
    expect(run(raw, 'event', { ...CTX, dnt: true, appHonoursDnt: false }).values).toEqual(raw);
    expect(run(raw, 'event', { ...CTX, dnt: false }).values).toEqual(raw);
  });

  it('applies the steps in order: scope, then type, then cleanup, then DNT', () => {
    const ctx = { ...CTX, dnt: true };
    expect(run({ tier: {} }, 'event', ctx).drops).toEqual([{ key: 'tier', reason: 'wrong_scope' }]);
    expect(run({ plan: {} }, 'event', ctx).drops).toEqual([{ key: 'plan', reason: 'type_mismatch' }]);
    expect(run({ code: 'nope' }, 'event', ctx).drops).toEqual([{ key: 'code', reason: 'cleanup_no_match' }]);
  });

  it('accepts a plain definitions array and caches its index', () => {
    expect(run({ price: '2.5' }, 'event', { ...CTX, definitions: DEFINITIONS }).values).toEqual({ price: 2.5 });
  });

  it('treats a missing or non-object map as empty and prototype keys as data', () => {
    expect(run(undefined)).toEqual({ values: {}, drops: [] });
    expect(run(null as unknown as Record<string, unknown>)).toEqual({ values: {}, drops: [] });
    const raw = JSON.parse('{"__proto__": 1, "constructor": 2, "toString": 3}') as Record<string, unknown>;
    expect(run(raw).drops.map((drop) => drop.key)).toEqual(['__proto__', 'constructor', 'toString']);
    const tricky = createDefinitionIndex([definition({ key: '__proto__' })]);
    const result = run(raw, 'event', { ...CTX, definitions: tricky });
    expect(Object.getPrototypeOf(result.values)).toBe(Object.prototype);
    expect(Object.keys(result.values)).toEqual(['__proto__']);
  });
});
