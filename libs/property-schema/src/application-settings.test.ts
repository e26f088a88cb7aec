import { ZApplicationCreate, ZApplicationSettings } from './application-settings';
import { ZPropertyLimits } from './property-limits';
import { rulesOf } from './test-helpers';

describe('ZApplicationSettings', () => {
  it('defaults to SPEC §3', () => {
    expect(ZApplicationSettings.parse({})).toEqual({
      sessionTimeoutMs: 1_800_000,
      maxSessionDurationMs: 21_600_000,
      honourDnt: true,
      ipAnonymisation: 'truncate',
      retentionDays: 35,
      apdexThresholdMs: 3000,
    });
  });

  it('allows short timeouts for tests, down to one second', () => {
    expect(ZApplicationSettings.parse({ sessionTimeoutMs: 1000, maxSessionDurationMs: 5000 }).sessionTimeoutMs).toBe(1000);
    expect(rulesOf(ZApplicationSettings, { sessionTimeoutMs: 999 })).toEqual([['sessionTimeoutMs', 'too_small']]);
    expect(rulesOf(ZApplicationSettings, { sessionTimeoutMs: 86_400_001 })).toEqual([['sessionTimeoutMs', 'too_big']]);
  });

  it('requires the max duration to exceed the timeout', () => {
    expect(rulesOf(ZApplicationSettings, { sessionTimeoutMs: 60_000, maxSessionDurationMs: 60_000 })).toEqual([
      ['maxSessionDurationMs', 'session_duration_not_above_timeout'],
    ]);
  });

  it('bounds retention and knows the IP anonymisation modes', () => {
    expect(rulesOf(ZApplicationSettings, { retentionDays: 0 })).toEqual([['retentionDays', 'too_small']]);
    expect(rulesOf(ZApplicationSettings, { retentionDays: 3651 })).toEqual([['retentionDays', 'too_big']]);
    expect(ZApplicationSettings.parse({ ipAnonymisation: 'drop' }).ipAnonymisation).toBe('drop');
    expect(rulesOf(ZApplicationSettings, { ipAnonymisation: 'hash' })).toEqual([['ipAnonymisation', 'invalid_value']]);
  });
});

describe('ZApplicationCreate', () => {
  it('needs only a name', () => {
    const created = ZApplicationCreate.parse({ name: '  Shop  ' });
    expect(created).toMatchObject({ name: 'Shop', allowedOrigins: [] });
    expect(created.settings.sessionTimeoutMs).toBe(1_800_000);
  });

  it('bounds the name and checks origins and settings', () => {
    expect(rulesOf(ZApplicationCreate, { name: '' })).toEqual([['name', 'too_small']]);
    expect(rulesOf(ZApplicationCreate, { name: 'n'.repeat(101) })).toEqual([['name', 'too_big']]);
    expect(rulesOf(ZApplicationCreate, { name: 'Shop', allowedOrigins: ['*', 'https://a.com'], settings: { retentionDays: 0 } })).toEqual([
      ['allowedOrigins', 'origin_wildcard_alone'],
      ['settings.retentionDays', 'too_small'],
    ]);
  });
});

describe('ZPropertyLimits', () => {
  it('defaults to 200 / 20 / 20', () => {
    expect(ZPropertyLimits.parse({})).toEqual({ maxProperties: 200, maxEventProperties: 20, freeTierProperties: 20 });
  });

  it('keeps the limits consistent', () => {
    expect(rulesOf(ZPropertyLimits, { maxProperties: 10, maxEventProperties: 11, freeTierProperties: 11 })).toEqual([
      ['maxEventProperties', 'limit_inconsistent'],
      ['freeTierProperties', 'limit_inconsistent'],
    ]);
    expect(rulesOf(ZPropertyLimits, { maxProperties: 0 })).toEqual([['maxProperties', 'too_small']]);
  });
});
