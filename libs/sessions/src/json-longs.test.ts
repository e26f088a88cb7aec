import { parseJsonWithLongs, stringifyWithLongs } from './json-longs';

describe('json with longs', () => {
  it('keeps integers beyond 2^53 exact and leaves the rest alone', () => {
    const text = '{"a":9223372036854775807,"b":"12345678901234567890","c":1.5,"d":[-9007199254740993],"e":42}';
    expect(parseJsonWithLongs(text)).toEqual({ a: 9223372036854775807n, b: '12345678901234567890', c: 1.5, d: [-9007199254740993n], e: 42 });
  });

  it('round-trips bigint through stringify', () => {
    const value = { a: 9223372036854775807n, s: 'x"y', n: 3 };
    expect(stringifyWithLongs(value)).toBe('{"a":9223372036854775807,"s":"x\\"y","n":3}');
    expect(parseJsonWithLongs(stringifyWithLongs(value))).toEqual(value);
  });
});
