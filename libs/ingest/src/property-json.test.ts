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
