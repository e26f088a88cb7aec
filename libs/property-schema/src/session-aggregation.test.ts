import { validateSessionAggregation, ZSessionAggregation } from './session-aggregation';
import type { TDataType } from './data-type';

const rules = (...args: Parameters<typeof validateSessionAggregation>) => validateSessionAggregation(...args).map((issue) => [issue.path, issue.rule]);

describe('validateSessionAggregation', () => {
  it('knows last, first, min, max and sum only', () => {
    expect(ZSessionAggregation.options).toEqual(['last', 'first', 'min', 'max', 'sum']);
    expect(ZSessionAggregation.safeParse('avg').success).toBe(false);
  });

  it.each<TDataType>(['string', 'long', 'double', 'boolean', 'date'])('allows last and first for %s', (type) => {
    expect(rules('last', 'session', type)).toEqual([]);
    expect(rules('first', 'both', type)).toEqual([]);
  });

  it('allows sum only for long and double', () => {
    expect(rules('sum', 'session', 'long')).toEqual([]);
    expect(rules('sum', 'session', 'double')).toEqual([]);
    for (const type of ['string', 'boolean', 'date'] as const) {
      expect(rules('sum', 'session', type)).toEqual([['sessionAggregation', 'aggregation_type']]);
    }
    expect(validateSessionAggregation('sum', 'session', 'date')[0]?.message).toBe('sum needs a long or double property; this one is date');
  });

  it('allows min and max only for long, double and date', () => {
    for (const type of ['long', 'double', 'date'] as const) expect(rules('max', 'session', type)).toEqual([]);
    expect(rules('min', 'session', 'string')).toEqual([['sessionAggregation', 'aggregation_type']]);
    expect(rules('max', 'both', 'boolean')).toEqual([['sessionAggregation', 'aggregation_type']]);
  });

  it('refuses an aggregation on an event-only property but not its absence', () => {
    expect(rules('last', 'event', 'string')).toEqual([['sessionAggregation', 'aggregation_scope']]);
    expect(rules(null, 'event', 'string')).toEqual([]);
    expect(rules(undefined, 'event', 'string')).toEqual([]);
  });
});
