import { signPayload, verifySignature } from './signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"session_id":"s1"}';
  const now = Date.UTC(2026, 0, 1);

  it('verifies what it signs', () => {
    const header = signPayload(secret, body, now);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature({ header, body, secret, nowMs: now + 10_000 })).toBe(true);
  });

  it('rejects a changed body, a wrong secret, a stale timestamp and garbage', () => {
    const header = signPayload(secret, body, now);
    expect(verifySignature({ header, body: `${body} `, secret, nowMs: now })).toBe(false);
    expect(verifySignature({ header, body, secret: 'other', nowMs: now })).toBe(false);
    expect(verifySignature({ header, body, secret, nowMs: now + 301_000 })).toBe(false);
    expect(verifySignature({ header: 't=x,v1=zz', body, secret, nowMs: now })).toBe(false);
    expect(verifySignature({ header: undefined, body, secret, nowMs: now })).toBe(false);
  });
});
