import { isIpAddress, parseDateLiteral, parseDuration, toSqlLikePattern } from './literals';

describe('literals', () => {
  it.each([
    ['2026-11-22T21:00:00+01:00', '2026-11-22T20:00:00Z'],
    ['2026-11-22T21:00:00Z', '2026-11-22T21:00:00Z'],
    ['2026-11-22T21:00:00.250Z', '2026-11-22T21:00:00.250Z'],
    ['2026-11-22 21:00', '2026-11-22T21:00:00Z'],
    ['2026/11/22 21', '2026-11-22T21:00:00Z'],
    ['11/22/2026', '2026-11-22T00:00:00Z'],
    ['22.11.2026 21:00:00', '2026-11-22T21:00:00Z'],
    ['2026-11-22', '2026-11-22T00:00:00Z'],
  ])('parses %s', (text, iso) => {
    expect(parseDateLiteral(text, 0)).toBe(Date.parse(iso));
  });

  it('applies the offset only without a zone, and rejects impossible dates', () => {
    expect(parseDateLiteral('2026-11-22 21:00', 120)).toBe(Date.parse('2026-11-22T19:00:00Z'));
    expect(parseDateLiteral('2026-11-22T21:00:00Z', 120)).toBe(Date.parse('2026-11-22T21:00:00Z'));
    expect(parseDateLiteral('2026-02-30', 0)).toBeUndefined();
    expect(parseDateLiteral('yesterday', 0)).toBeUndefined();
  });

  it('parses durations with case-sensitive units', () => {
    expect(parseDuration('2h')).toEqual({ months: 0, ms: 7_200_000 });
    expect(parseDuration('1M')).toEqual({ months: 1, ms: 0 });
    expect(parseDuration('1y1q1w1d1h1m1s')).toEqual({ months: 15, ms: 7 * 86_400_000 + 86_400_000 + 3_600_000 + 61_000 });
    expect(parseDuration('2 hours')).toBeUndefined();
  });

  it('translates LIKE wildcards and escapes', () => {
    expect(toSqlLikePattern('*@example.?om')).toBe('%@example._om');
    expect(toSqlLikePattern('100\\%_x\\*')).toBe('100\\%\\_x*');
  });

  it('recognises IPv4 and IPv6 addresses', () => {
    expect(isIpAddress('10.0.255.255')).toBe(true);
    expect(isIpAddress('256.0.0.1')).toBe(false);
    expect(isIpAddress('2001:db8::1')).toBe(true);
    expect(isIpAddress('::ffff:10.0.0.1')).toBe(true);
    expect(isIpAddress('1:2:3')).toBe(false);
  });
});
