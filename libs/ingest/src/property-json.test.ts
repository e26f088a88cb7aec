import { propertiesToJson } from './property-json';

describe('propertiesToJson', () => {
  it('writes bigints as exact JSON numbers', () => {
    const text = propertiesToJson({ a: 1.5, b: 'x"y', c: true, d: 2n ** 63n - 1n });
    expect(text).toBe('{"a":1.5,"b":"x\\"y","c":true,"d":9223372036854775807}');
  });

  it('writes an empty map as {}', () => {
    expect(propertiesToJson({})).toBe('{}');
  });
});

describe('propertiesToJson against JSON.stringify', () => {
  it('writes what JSON.stringify writes for every kind of value it can write', () => {
    const values = { n: -0, big: 1e21, tiny: 5e-324, f: 0.1 + 0.2, t: true, fa: false, s: 'line\nbreak\u2028"q"\\', e: '', u: '😀', '"odd key"': 1 };
    expect(propertiesToJson(values)).toBe(JSON.stringify(values));
  });
});
