import fc from 'fast-check';
import { createDefinitionIndex, DROP_REASONS, findDefinition, validateProperties, type TPropertyDefinitionLike } from './index';

const arbDefinition: fc.Arbitrary<TPropertyDefinitionLike> = fc.record({
  key: fc.constantFrom('a', 'B', 'cc', 'Dd', 'e.f', 'g_1'),
  scope: fc.constantFrom('event', 'session', 'both'),
  dataType: fc.constantFrom('string', 'long', 'double', 'boolean', 'date'),
  caseInsensitive: fc.boolean(),
  maxLength: fc.option(fc.integer({ min: 1, max: 20 })),
  cleanupRule: fc.constantFrom(null, '(\\d+)', '[a-z]+', '^(.)', '('),
  honourDnt: fc.boolean(),
});

// Keys drawn mostly near the defined ones (and in other cases), so every rule gets exercised.
const arbKey = fc.oneof(fc.constantFrom('a', 'A', 'b', 'B', 'cc', 'CC', 'dd', 'e.f', 'E.F', 'g_1', '__proto__'), fc.string());
const arbRaw = fc.dictionary(arbKey, fc.jsonValue(), { maxKeys: 12 });
const arbContext = fc.record({ dnt: fc.boolean(), appHonoursDnt: fc.boolean(), target: fc.constantFrom('event' as const, 'session' as const) });

// An application's keys are unique ignoring case (the store enforces it), so generated ones are too.
const arbDefinitions = fc.uniqueArray(arbDefinition, { maxLength: 6, selector: (definition) => definition.key.toLowerCase() });

describe('validateProperties properties', () => {
  it('never throws for any JSON input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), arbDefinitions, arbContext, (json, definitions, ctx) => {
        validateProperties(json as Record<string, unknown>, ctx.target, { ...ctx, definitions });
      }),
    );
  });

  it('puts every input key either in values (by its canonical key) or in drops, exactly once', () => {
    fc.assert(
      fc.property(arbRaw, arbDefinitions, arbContext, (raw, definitions, ctx) => {
        const index = createDefinitionIndex(definitions);
        const { values, drops } = validateProperties(raw, ctx.target, { ...ctx, definitions: index });
        const dropped = drops.map((drop) => drop.key);
        const rawKeys = Object.keys(raw);
        expect(new Set(dropped).size).toBe(dropped.length);
        expect(dropped.every((key) => rawKeys.includes(key))).toBe(true);
        expect(drops.every((drop) => DROP_REASONS.includes(drop.reason))).toBe(true);
        const keptCanonical = new Set<string>();
        for (const key of rawKeys) {
          if (dropped.includes(key)) continue;
          const canonical = findDefinition(index, key)?.key;
          expect(canonical).toBeDefined();
          expect(Object.hasOwn(values, canonical as string)).toBe(true);
          keptCanonical.add(canonical as string);
        }
        expect(new Set(Object.keys(values))).toEqual(keptCanonical);
      }),
    );
  });

  it('returns only typed values', () => {
    fc.assert(
      fc.property(arbRaw, arbDefinitions, arbContext, (raw, definitions, ctx) => {
        const index = createDefinitionIndex(definitions);
        const { values } = validateProperties(raw, ctx.target, { ...ctx, definitions: index });
        for (const [key, value] of Object.entries(values)) {
          const definition = index.byKey.get(key);
          expect(definition).toBeDefined();
          const expectedType = { string: 'string', boolean: 'boolean', double: 'number', date: 'number' }[definition?.dataType as string];
          if (definition?.dataType === 'long') expect(['number', 'bigint']).toContain(typeof value);
          else expect(typeof value).toBe(expectedType);
          if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(definition?.maxLength ?? 1000);
        }
      }),
    );
  });
});
