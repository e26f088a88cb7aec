import { TrailmarkError, httpStatusOf, toFieldIssues, trpcCodeOf } from './index';

describe('TrailmarkError', () => {
  it('carries code, issues and details into its JSON body', () => {
    const error = new TrailmarkError('LIMIT_EXCEEDED', 'too many', {
      issues: [{ path: 'scope', rule: 'max_event_properties', message: 'limit 20 reached' }],
      details: { limit: 20, usage: 20 },
    });
    expect(error.toJSON()).toEqual({
      code: 'LIMIT_EXCEEDED',
      message: 'too many',
      issues: [{ path: 'scope', rule: 'max_event_properties', message: 'limit 20 reached' }],
      details: { limit: 20, usage: 20 },
    });
  });

  it('maps codes to HTTP and tRPC once', () => {
    expect(httpStatusOf('RATE_LIMITED')).toBe(429);
    expect(trpcCodeOf('NOT_FOUND')).toBe('NOT_FOUND');
    expect(httpStatusOf('STORE_UNAVAILABLE')).toBe(503);
  });

  it('turns zod-like issues into dotted paths, preferring a named rule', () => {
    expect(
      toFieldIssues([
        { path: ['events', 2, 'ts'], code: 'invalid_type', message: 'expected number' },
        { path: ['key'], code: 'custom', message: 'bad', params: { rule: 'key_format' } },
      ]),
    ).toEqual([
      { path: 'events.2.ts', rule: 'invalid_type', message: 'expected number' },
      { path: 'key', rule: 'key_format', message: 'bad' },
    ]);
  });
});
