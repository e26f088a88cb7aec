import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { z } from 'zod';
import { ZBeaconDevice, ZBeaconPage, ZBeacon } from './beacon';
import { EVENT_TYPES, ZBeaconEvent, ZTimings } from './beacon-events';
import { FAST_BEACON_SHAPE, FAST_EVENT_SHAPES, FAST_NESTED_SHAPES, isPlainValidBeacon, type TFastShape } from './fast-beacon-check';
import specBeacon from './fixtures/spec-beacon.json';
import { BEACON_LIMITS as L } from './limits';

type TJson = Record<string, unknown>;

/** One valid event of every type, each field present, so mutations can reach every check. */
const FULL_EVENTS: TJson[] = [
  ...specBeacon.events,
  { id: 'n', type: 'navigation', ts: 5, soft: true, timings: { inp: 40 }, event_properties: { k: null } },
  { id: 'a', type: 'user_action', ts: 6, action_type: 'load', name: 'Loading of page /', duration: 900, request_count: 3, error_count: 0, start: 1, end: 901, timings: { lcp: 800 } },
  { id: 'i', type: 'user_interaction', ts: 7, interaction: 'click', target: 'button#pay' },
  { id: 'x', type: 'error', ts: 8, error_type: 'js', message: 'TypeError', stack: 'at f (a.js:1:2)', source_url: 'https://a/a.js' },
  { id: 'p', type: 'page_summary', ts: 9 },
  { id: 'v', type: 'view_summary', ts: 10, session_properties: { flag: true } },
];

// Cloned through JSON, as the collector receives it (structuredClone would hand back another realm's objects under Jest).
const jsonClone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const baseBeacon = (): TJson => ({ ...jsonClone(specBeacon), events: jsonClone(FULL_EVENTS) });

const TRICKY_VALUES: unknown[] = [
  -1, -0, 0, 1.5, 999, 1000, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, '', 'x', 'x'.repeat(L.maxIdLength + 1), 'x'.repeat(L.maxIdentifierLength + 1),
  'x'.repeat(L.maxMethodLength + 1), '1920x1080', '1920x', 'navigation', 'request', 'nope', 'load', 'js', 'click', null, true, false, [], [1], {}, { a: 1 },
  { ['__proto__']: 1 }, { '': 1 }, { k: [1] }, { k: {} }, 1,
];

// Paths to every object inside the beacon, so a mutation can hit any level.
function objectPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [];
  const here = [path];
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return here.concat(...entries.map(([key, inner]) => objectPaths(inner, [...path, key])));
}

function at(root: unknown, path: Array<string | number>): Record<string | number, unknown> {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string | number, unknown>;
}

type TMutation = { kind: 'set' | 'delete' | 'add'; target: number; key: string; value: number };

const mutationArb: fc.Arbitrary<TMutation> = fc.record({
  kind: fc.constantFrom('set', 'delete', 'add'),
  target: fc.nat(),
  key: fc.nat().map(String),
  value: fc.nat({ max: TRICKY_VALUES.length - 1 }),
});

function mutate(beacon: TJson, mutations: TMutation[]): TJson {
  for (const mutation of mutations) {
    const paths = objectPaths(beacon);
    const node = at(beacon, paths[mutation.target % paths.length] as Array<string | number>);
    const keys = Object.keys(node);
    const value = jsonClone(TRICKY_VALUES[mutation.value]);
    // Arrays change as JSON arrays can: grow or shrink, never holes or named members.
    if (Array.isArray(node)) {
      if (mutation.kind === 'add') node.push(value);
      else if (node.length > 0 && mutation.kind === 'delete') node.splice(Number(mutation.key) % node.length, 1);
      else if (node.length > 0) node[Number(mutation.key) % node.length] = value;
    } else if (mutation.kind === 'add') Object.defineProperty(node, `extra${mutation.key}`, { value, enumerable: true, writable: true, configurable: true });
    else if (keys.length === 0) continue;
    else if (mutation.kind === 'delete') delete node[keys[Number(mutation.key) % keys.length] as string];
    else node[keys[Number(mutation.key) % keys.length] as string] = value;
  }
  return beacon;
}

function fieldNames(shape: TFastShape): { required: string[]; optional: string[] } {
  const names = Object.keys(shape.fields).sort();
  return { required: names.filter((n) => shape.required.includes(n)), optional: names.filter((n) => !shape.required.includes(n)) };
}

function zodFieldNames(schema: z.ZodObject): { required: string[]; optional: string[] } {
  const names = Object.keys(schema.shape).sort();
  const isOptional = (name: string) => (schema.shape[name] as z.ZodType).safeParse(undefined).success;
  return { required: names.filter((n) => !isOptional(n)), optional: names.filter(isOptional) };
}

describe('isPlainValidBeacon (the hot-path check in front of ZBeacon)', () => {
  it('accepts the §7 example and a beacon with every event type and field, so the fast path is really taken', () => {
    expect(isPlainValidBeacon(jsonClone(specBeacon))).toBe(true);
    expect(isPlainValidBeacon(baseBeacon())).toBe(true);
  });

  it('knows exactly the fields the zod schemas know, with the same required and optional ones', () => {
    expect(fieldNames(FAST_BEACON_SHAPE)).toEqual(zodFieldNames(ZBeacon));
    expect(fieldNames(FAST_NESTED_SHAPES.page)).toEqual(zodFieldNames(ZBeaconPage));
    expect(fieldNames(FAST_NESTED_SHAPES.device)).toEqual(zodFieldNames(ZBeaconDevice));
    expect(fieldNames(FAST_NESTED_SHAPES.timings)).toEqual(zodFieldNames(ZTimings));
    const zodEvents = ZBeaconEvent.options as unknown as z.ZodObject[];
    expect(zodEvents.length).toBe(EVENT_TYPES.length);
    for (const schema of zodEvents) {
      const type = (schema.shape['type'] as z.ZodLiteral<string>).value;
      expect({ type, ...fieldNames(FAST_EVENT_SHAPES[type as keyof typeof FAST_EVENT_SHAPES]) }).toEqual({ type, ...zodFieldNames(schema) });
    }
  });

  it('agrees with ZBeacon on every single-field change: each field of each object set to each tricky value, or removed', () => {
    const base = baseBeacon();
    let cases = 0;
    for (const path of objectPaths(base)) {
      for (const key of Object.keys(at(base, path))) {
        for (const value of [...TRICKY_VALUES, undefined]) {
          const beacon = baseBeacon();
          const node = at(beacon, path);
          if (value === undefined) delete node[key];
          else node[key] = jsonClone(value);
          const zod = ZBeacon.safeParse(beacon);
          const zodUnchanged = zod.success && isDeepStrictEqual(zod.data, beacon);
          expect({ path: [...path, key].join('.'), value, fast: isPlainValidBeacon(beacon) }).toEqual({ path: [...path, key].join('.'), value, fast: zodUnchanged });
          cases += 1;
        }
      }
    }
    expect(cases).toBeGreaterThan(3000);
  });

  it('never accepts what ZBeacon would reject or change: on any mutated beacon, fast accept ⇒ zod accepts it unchanged', () => {
    let fastAccepted = 0;
    let zodUnchanged = 0;
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (mutations) => {
        const beacon = mutate(baseBeacon(), mutations);
        const zod = ZBeacon.safeParse(beacon);
        if (zod.success && isDeepStrictEqual(zod.data, beacon)) zodUnchanged += 1;
        if (!isPlainValidBeacon(beacon)) return;
        fastAccepted += 1;
        expect(zod.success).toBe(true);
        expect(zod.data).toStrictEqual(beacon);
      }),
      { numRuns: 3000 },
    );
    // The generator must exercise both sides, or the property above proves nothing.
    expect(fastAccepted).toBeGreaterThan(100);
    expect(fastAccepted).toBe(zodUnchanged);
  });

  it('leaves beacons with unknown fields to zod, which strips them', () => {
    const beacon = { ...baseBeacon(), future_field: 1 };
    expect(isPlainValidBeacon(beacon)).toBe(false);
    expect(ZBeacon.safeParse(beacon).success).toBe(true);
  });
});
