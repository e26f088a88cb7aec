import { truncateUserAgent } from './user-agent';

describe('truncateUserAgent', () => {
  it('keeps a normal user agent as sent and caps a huge one at 1024 characters', () => {
    const ua = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15';
    expect(truncateUserAgent(ua)).toBe(ua);
    expect(truncateUserAgent('x'.repeat(5000))).toHaveLength(1024);
  });

  it('stores no user agent as null', () => {
    expect(truncateUserAgent(undefined)).toBeNull();
    expect(truncateUserAgent('')).toBeNull();
  });
});
