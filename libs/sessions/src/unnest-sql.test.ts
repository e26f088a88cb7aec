import { isoTime } from './iso-time';
import { arrayLiteral, unnestInsertSql } from './unnest-sql';

describe('arrayLiteral', () => {
  it('quotes strings, escapes quotes and backslashes, and writes NULL as JSON would', () => {
    expect(arrayLiteral(['a', 'b"c', 'd\\e', '', 'NULL', ' x '])).toBe('{"a","b\\"c","d\\\\e","","NULL"," x "}');
    expect(arrayLiteral([1, 2.5, -0, 1e21, null, undefined, Number.NaN, Number.POSITIVE_INFINITY, true, false, 9223372036854775807n])).toBe(
      '{1,2.5,0,1e+21,NULL,NULL,NULL,NULL,true,false,9223372036854775807}',
    );
    expect(arrayLiteral([])).toBe('{}');
    expect(arrayLiteral([1, 2.5, -0, 1e21, null, undefined, Number.NaN, true])).toBe('{1,2.5,0,1e+21,null,null,null,true}');
    expect(arrayLiteral(['{"k":"v\\"w"}', 'x'])).toBe('{"{\\"k\\":\\"v\\\\\\"w\\"}","x"}');
  });

  it('writes control characters as themselves (JSON would escape them as Postgres reads no escape)', () => {
    expect(arrayLiteral(['a\nb', 'tab\there', 'C:\\new'])).toBe('{"a\nb","tab\there","C:\\\\new"}');
  });
});

describe('unnestInsertSql', () => {
  it('casts one array parameter per column', () => {
    expect(unnestInsertSql('t', [['a', 'text'], ['b', 'double precision']], 'ON CONFLICT DO NOTHING')).toBe(
      'INSERT INTO "t" ("a", "b") SELECT * FROM unnest($1::text[], $2::double precision[]) ON CONFLICT DO NOTHING',
    );
  });
});

describe('isoTime', () => {
  it('writes what toISOString writes', () => {
    const samples = [0, 1, 999, 86_399_999, 86_400_000, 951_782_400_000, 1_700_000_000_123, 253_402_300_799_999, 253_402_300_800_000, -1, -86_400_001, 1.5, -0.5, 8.64e15];
    for (let i = 0; i < 20_000; i += 1) samples.push(Math.floor(Math.random() * 253_402_300_800_000));
    for (const ms of samples) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('throws where toISOString throws', () => {
    for (const ms of [Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1]) expect(() => isoTime(ms)).toThrow(RangeError);
  });
});
