import fc from 'fast-check';
import { parseIsoDate } from './index';

describe('parseIsoDate', () => {
  it('agrees with Date for every valid UTC instant in years 0..9999', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (date) => {
        expect(parseIsoDate(date.toISOString())).toBe(date.getTime());
      }),
    );
  });

  it('honours offsets and treats a missing offset as UTC', () => {
    const utc = Date.UTC(2025, 10, 22, 8, 26, 40);
    expect(parseIsoDate('2025-11-22T08:26:40')).toBe(utc);
    expect(parseIsoDate('2025-11-22 08:26:40z')).toBe(utc);
    expect(parseIsoDate('2025-11-22T10:26:40+02')).toBe(utc);
    expect(parseIsoDate('2025-11-22T02:56:40-05:30')).toBe(utc);
    expect(parseIsoDate('2025-11-22T08:26:40+24:00')).toBeNull();
  });
});
