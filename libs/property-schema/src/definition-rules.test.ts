import { checkDefinitionAgainstExisting, computeQuotaUsage, type TExistingDefinition } from './definition-rules';
import { DEFAULT_PROPERTY_LIMITS } from './property-limits';
import type { TPropertyScope } from './property-scope';

const limits = { ...DEFAULT_PROPERTY_LIMITS };
const now = new Date('2026-03-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const def = (key: string, overrides: Partial<TExistingDefinition> = {}): TExistingDefinition => ({ key, scope: 'session', caseInsensitive: false, retiredAt: null, ...overrides });
const many = (count: number, scope: TPropertyScope) => Array.from({ length: count }, (_, index) => def(`${scope}_${index}`, { scope }));
const check = (candidate: Partial<TExistingDefinition> & { key: string }, existing: TExistingDefinition[], retentionDays = 35) =>
  checkDefinitionAgainstExisting({ scope: 'session', caseInsensitive: false, ...candidate }, existing, limits, now, retentionDays);
const rules = (...args: Parameters<typeof check>) => check(...args).map((issue) => [issue.path, issue.rule]);

describe('checkDefinitionAgainstExisting: keys', () => {
  it('accepts a new key', () => {
    expect(check({ key: 'plan' }, [def('tier')])).toEqual([]);
  });

  it('rejects an exact duplicate of an active key', () => {
    expect(check({ key: 'plan' }, [def('plan')])).toEqual([{ path: 'key', rule: 'key_taken', message: 'key `plan` is already defined in this application' }]);
  });

  it('lets keys differ only in case when both match case-sensitively', () => {
    expect(check({ key: 'Plan' }, [def('plan')])).toEqual([]);
  });

  it('clashes ignoring case when the new or the existing one is case-insensitive', () => {
    expect(rules({ key: 'Plan', caseInsensitive: true }, [def('plan')])).toEqual([['key', 'key_taken_ignoring_case']]);
    expect(rules({ key: 'Plan' }, [def('plan', { caseInsensitive: true })])).toEqual([['key', 'key_taken_ignoring_case']]);
  });

  it('keeps a retired key blocked while its data is retained, naming the date it becomes free', () => {
    const retired = def('plan', { retiredAt: new Date('2026-02-10T08:00:00.000Z') });
    expect(check({ key: 'plan' }, [retired])).toEqual([
      { path: 'key', rule: 'key_retired', message: 'key `plan` was retired on 2026-02-10 and its data is still retained; the key becomes free on 2026-03-17 (UTC)' },
    ]);
    expect(rules({ key: 'PLAN', caseInsensitive: true }, [retired])).toEqual([['key', 'key_retired']]);
  });

  it('frees a retired key once retention has passed', () => {
    expect(check({ key: 'plan' }, [def('plan', { retiredAt: daysAgo(36) })])).toEqual([]);
    expect(check({ key: 'plan' }, [def('plan', { retiredAt: daysAgo(35) })])).toEqual([]);
    expect(rules({ key: 'plan' }, [def('plan', { retiredAt: daysAgo(34) })])).toEqual([['key', 'key_retired']]);
    expect(rules({ key: 'plan' }, [def('plan', { retiredAt: daysAgo(36) })], 90)).toEqual([['key', 'key_retired']]);
  });
});

describe('checkDefinitionAgainstExisting: limits', () => {
  it('allows the 200th definition and refuses the 201st, naming limit and usage', () => {
    expect(check({ key: 'x' }, many(199, 'session'))).toEqual([]);
    expect(check({ key: 'x' }, many(200, 'session'))).toEqual([
      { path: 'key', rule: 'max_properties', message: 'this application already has 200 property definitions and the limit is 200; retire one or ask an admin to raise the limit' },
    ]);
  });

  it('does not count retired definitions', () => {
    const retired = many(5, 'session').map((definition) => ({ ...definition, retiredAt: daysAgo(100) }));
    expect(check({ key: 'x' }, [...many(199, 'session'), ...retired])).toEqual([]);
  });

  it('counts event and both towards the 20 event-scoped properties', () => {
    const existing = [...many(10, 'event'), ...many(9, 'both'), ...many(50, 'session')];
    expect(check({ key: 'x', scope: 'both' }, existing)).toEqual([]);
    const full = [...existing, def('one_more', { scope: 'event' })];
    expect(check({ key: 'x', scope: 'event' }, full)).toEqual([
      { path: 'scope', rule: 'max_event_properties', message: 'this application already has 20 event-scoped properties (event or both) and the limit is 20; choose scope session or retire an event property' },
    ]);
    expect(rules({ key: 'x', scope: 'both' }, full)).toEqual([['scope', 'max_event_properties']]);
    expect(check({ key: 'x', scope: 'session' }, full)).toEqual([]);
  });

  it('uses the limits it is given', () => {
    const tight = { maxProperties: 3, maxEventProperties: 1, freeTierProperties: 3 };
    const issues = checkDefinitionAgainstExisting({ key: 'x', scope: 'event', caseInsensitive: false }, many(3, 'event'), tight, now, 35);
    expect(issues.map((issue) => issue.rule)).toEqual(['max_properties', 'max_event_properties']);
  });
});

describe('computeQuotaUsage', () => {
  it('reports used, limit and free tier per scope, ignoring retired definitions', () => {
    const definitions = [...many(3, 'event'), ...many(2, 'both'), ...many(4, 'session'), def('old', { retiredAt: daysAgo(1) })];
    expect(computeQuotaUsage(definitions, limits)).toEqual({
      total: { used: 9, limit: 200, freeTier: 20 },
      event: { used: 5, limit: 20, freeTier: 20 },
      session: { used: 6, limit: 200, freeTier: 20 },
    });
  });

  it('never shows a free tier above the limit', () => {
    expect(computeQuotaUsage([], { maxProperties: 50, maxEventProperties: 5, freeTierProperties: 20 }).event).toEqual({ used: 0, limit: 5, freeTier: 5 });
  });
});
