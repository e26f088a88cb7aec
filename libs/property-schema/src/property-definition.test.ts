import { mergeDefinitionUpdate, ZPropertyDefinition, ZPropertyDefinitionInput, ZPropertyDefinitionUpdate, type TPropertyDefinitionInputRaw } from './property-definition';
import { ZDataType } from './data-type';
import { rulesOf } from './test-helpers';

const base: TPropertyDefinitionInputRaw = { key: 'cart.total', scope: 'session', dataType: 'double' };
const parse = (overrides: Partial<TPropertyDefinitionInputRaw>) => ZPropertyDefinitionInput.parse({ ...base, ...overrides });
const rules = (overrides: Record<string, unknown>) => rulesOf(ZPropertyDefinitionInput, { ...base, ...overrides });

describe('ZDataType', () => {
  it('accepts number as an alias of double and nothing else', () => {
    expect(ZDataType.parse('number')).toBe('double');
    expect(ZDataType.parse('long')).toBe('long');
    expect(ZDataType.safeParse('integer').success).toBe(false);
  });
});

describe('ZPropertyDefinitionInput', () => {
  it('fills the defaults of §4.1', () => {
    expect(ZPropertyDefinitionInput.parse({ key: 'loyalty_status', scope: 'both', dataType: 'string' })).toEqual({
      key: 'loyalty_status',
      displayName: null,
      scope: 'both',
      dataType: 'string',
      source: 'api',
      expression: null,
      sessionAggregation: 'last',
      caseInsensitive: false,
      maxLength: 1000,
      cleanupRule: null,
      honourDnt: true,
    });
  });

  it('normalises number to double and clears aggregation and maxLength where they do not apply', () => {
    expect(parse({ dataType: 'number', scope: 'event' })).toMatchObject({ dataType: 'double', sessionAggregation: null, maxLength: null });
  });

  it('treats empty optional strings from forms as unset', () => {
    expect(parse({ displayName: '  ', expression: '', cleanupRule: '' })).toMatchObject({ displayName: null, expression: null, cleanupRule: null });
  });

  it('keeps a chosen aggregation and captured source', () => {
    expect(parse({ sessionAggregation: 'sum', source: 'css_selector', expression: ' #total ' })).toMatchObject({ sessionAggregation: 'sum', expression: '#total' });
  });

  it('checks the key length with the prefix of the chosen scope', () => {
    const key = 'k'.repeat(82);
    expect(rules({ key, scope: 'event' })).toEqual([]);
    expect(rules({ key, scope: 'session' })).toEqual([['key', 'key_too_long']]);
    expect(rules({ key, scope: 'both' })).toEqual([['key', 'key_too_long']]);
  });

  it('reports key format issues once, beside other field issues', () => {
    expect(rules({ key: '1 a', maxLength: 5 })).toEqual([
      ['key', 'key_format'],
      ['key', 'key_starts_with_letter'],
      ['maxLength', 'max_length_strings_only'],
    ]);
  });

  it('rejects unknown fields and bad enums by zod code', () => {
    expect(rules({ aggregation: 'sum' })).toEqual([['', 'unrecognized_keys']]);
    expect(rules({ scope: 'page' })).toEqual([['scope', 'invalid_value']]);
  });

  it('applies the source rules', () => {
    expect(rules({ dataType: 'date', source: 'cookie', expression: 'ts' })).toEqual([['source', 'date_requires_api_source']]);
    expect(rules({ source: 'cookie' })).toEqual([['expression', 'expression_required']]);
    expect(rules({ expression: 'x' })).toEqual([['expression', 'expression_not_allowed']]);
  });

  it('applies the aggregation rules', () => {
    expect(rules({ dataType: 'string', sessionAggregation: 'sum' })).toEqual([['sessionAggregation', 'aggregation_type']]);
    expect(rules({ scope: 'event', sessionAggregation: 'max' })).toEqual([['sessionAggregation', 'aggregation_scope']]);
  });

  it('bounds maxLength to 1..1000 for strings only', () => {
    expect(parse({ dataType: 'string', maxLength: 1 }).maxLength).toBe(1);
    expect(parse({ dataType: 'string', maxLength: 1000 }).maxLength).toBe(1000);
    expect(rules({ dataType: 'string', maxLength: 0 })).toEqual([['maxLength', 'max_length_range']]);
    expect(rules({ dataType: 'string', maxLength: 1001 })).toEqual([['maxLength', 'max_length_range']]);
    expect(rules({ dataType: 'string', maxLength: 2.5 })).toEqual([['maxLength', 'max_length_range']]);
    expect(rules({ dataType: 'long', maxLength: 10 })).toEqual([['maxLength', 'max_length_strings_only']]);
  });

  it('accepts a cleanup rule on strings only and only when it compiles', () => {
    expect(parse({ dataType: 'string', cleanupRule: '^(\\w+)' }).cleanupRule).toBe('^(\\w+)');
    expect(rules({ dataType: 'string', cleanupRule: '(' })).toEqual([['cleanupRule', 'cleanup_rule_invalid']]);
    expect(rules({ dataType: 'string', cleanupRule: '(a+)+' })).toEqual([['cleanupRule', 'cleanup_rule_unsafe']]);
    expect(rules({ dataType: 'boolean', cleanupRule: 'x' })).toEqual([['cleanupRule', 'cleanup_rule_strings_only']]);
  });

  it('bounds displayName', () => {
    expect(rules({ displayName: 'd'.repeat(201) })).toEqual([['displayName', 'display_name_too_long']]);
  });
});

describe('ZPropertyDefinitionUpdate', () => {
  it('accepts a patch of the mutable fields', () => {
    expect(ZPropertyDefinitionUpdate.parse({ displayName: 'Cart', honourDnt: false })).toEqual({ displayName: 'Cart', honourDnt: false });
  });

  it('explains why key, scope and dataType cannot change', () => {
    expect(rulesOf(ZPropertyDefinitionUpdate, { key: 'b', scope: 'event', dataType: 'long' })).toEqual([
      ['key', 'immutable_field'],
      ['scope', 'immutable_field'],
      ['dataType', 'immutable_field'],
    ]);
    const result = ZPropertyDefinitionUpdate.safeParse({ scope: 'event' });
    expect(result.error?.issues[0]?.message).toMatch(/^scope cannot be changed: .*retire this property and define a new one$/);
  });
});

describe('mergeDefinitionUpdate', () => {
  const current = ZPropertyDefinitionInput.parse({ key: 'plan', scope: 'session', dataType: 'string', source: 'cookie', expression: 'plan' });

  it('applies a patch and re-runs the cross-field rules', () => {
    const patch = ZPropertyDefinitionUpdate.parse({ sessionAggregation: 'first', maxLength: 50, displayName: 'Plan' });
    expect(mergeDefinitionUpdate(current, patch)).toEqual({ ok: true, definition: { ...current, sessionAggregation: 'first', maxLength: 50, displayName: 'Plan' } });
  });

  it('clears an optional field with null and restores defaults', () => {
    const withRule = { ...current, cleanupRule: 'x', maxLength: 20 };
    const patch = ZPropertyDefinitionUpdate.parse({ cleanupRule: null, maxLength: null });
    expect(mergeDefinitionUpdate(withRule, patch)).toMatchObject({ ok: true, definition: { cleanupRule: null, maxLength: 1000 } });
  });

  it('reports rules the merged definition breaks', () => {
    const patch = ZPropertyDefinitionUpdate.parse({ source: 'api', sessionAggregation: 'sum' });
    const result = mergeDefinitionUpdate(current, patch);
    expect(!result.ok && result.issues.map((issue) => [issue.path, issue.rule])).toEqual([
      ['expression', 'expression_not_allowed'],
      ['sessionAggregation', 'aggregation_type'],
    ]);
  });
});

describe('ZPropertyDefinition', () => {
  it('reads the stored form with ids and dates', () => {
    const stored = ZPropertyDefinition.parse({
      ...ZPropertyDefinitionInput.parse(base),
      id: 'prop_1',
      applicationId: 'app_1',
      retiredAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: new Date('2026-01-02T00:00:00.000Z'),
    });
    expect(stored.createdAt).toEqual(new Date('2026-01-01T00:00:00.000Z'));
    expect(stored.retiredAt).toBeNull();
    expect(rulesOf(ZPropertyDefinition, { ...stored, id: '' })).toEqual([['id', 'too_small']]);
  });
});
