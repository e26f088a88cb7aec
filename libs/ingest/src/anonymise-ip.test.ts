import { anonymiseIp, normaliseIp } from './anonymise-ip';

describe('anonymiseIp', () => {
  it('truncates the last IPv4 octet', () => {
    expect(anonymiseIp('203.0.113.77', 'truncate')).toBe('203.0.113.0');
  });

  it('keeps only the first 48 bits of an IPv6 address', () => {
    expect(anonymiseIp('2001:db8:85a3:8d3:1319:8a2e:370:7348', 'truncate')).toBe('2001:db8:85a3::');
    expect(anonymiseIp('2001:db8::1', 'truncate')).toBe('2001:db8:0::');
    expect(anonymiseIp('::1', 'truncate')).toBe('0:0:0::');
  });

  it('drops or keeps the address as configured', () => {
    expect(anonymiseIp('203.0.113.77', 'drop')).toBeNull();
    expect(anonymiseIp('203.0.113.77', 'none')).toBe('203.0.113.77');
    expect(anonymiseIp(null, 'none')).toBeNull();
  });
});

describe('normaliseIp', () => {
  it('unwraps IPv4-mapped IPv6 and rejects garbage', () => {
    expect(normaliseIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseIp('::1')).toBe('::1');
    expect(normaliseIp('not-an-ip')).toBeNull();
    expect(normaliseIp(undefined)).toBeNull();
  });
});
