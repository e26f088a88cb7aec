import { ZAllowedOrigins, ZOrigin } from './allowed-origins';
import { rulesOf } from './test-helpers';

describe('ZOrigin', () => {
  it.each([
    ['https://shop.example.com', 'https://shop.example.com'],
    ['https://shop.example.com:8443', 'https://shop.example.com:8443'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['HTTPS://Shop.Example.com:443/', 'https://shop.example.com'],
    ['*', '*'],
  ])('accepts %s as %s', (input, origin) => {
    expect(ZOrigin.parse(input)).toBe(origin);
  });

  it.each([
    ['shop.example.com', 'origin_format'],
    ['ftp://example.com', 'origin_format'],
    ['https://example.com/app', 'origin_format'],
    ['https://example.com?x=1', 'origin_format'],
    ['https://user@example.com', 'origin_format'],
    ['https://*.example.com', 'origin_wildcard'],
  ])('rejects %s with %s', (input, rule) => {
    expect(rulesOf(ZOrigin, input)).toEqual([['', rule]]);
  });
});

describe('ZAllowedOrigins', () => {
  it('allows * only alone', () => {
    expect(ZAllowedOrigins.parse(['*'])).toEqual(['*']);
    expect(rulesOf(ZAllowedOrigins, ['*', 'https://a.com'])).toEqual([['', 'origin_wildcard_alone']]);
  });

  it('dedupes after normalising and points at the bad entry', () => {
    expect(ZAllowedOrigins.parse(['https://a.com', 'https://A.com/'])).toEqual(['https://a.com']);
    expect(rulesOf(ZAllowedOrigins, ['https://a.com', 'nope'])).toEqual([['1', 'origin_format']]);
  });

  it('caps the list', () => {
    const origins = Array.from({ length: 101 }, (_, index) => `https://h${index}.example.com`);
    expect(rulesOf(ZAllowedOrigins, origins)).toEqual([['', 'too_many_origins']]);
  });
});
