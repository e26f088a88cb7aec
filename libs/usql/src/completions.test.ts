import { listUsqlCompletions } from './completions';

describe('listUsqlCompletions', () => {
  it('lists fields per table and properties with their typed prefixes', () => {
    const completions = listUsqlCompletions([
      { key: 'cart_value', scope: 'event', dataType: 'double' },
      { key: 'tier', scope: 'session', dataType: 'string' },
      { key: 'vip', scope: 'both', dataType: 'boolean' },
    ]);
    const session = completions.tables.find((t) => t.name === 'usersession');
    const action = completions.tables.find((t) => t.name === 'useraction');
    expect(session?.fields.find((f) => f.name === 'browserFamily')).toEqual({ name: 'browserFamily', type: 'string' });
    expect(session?.properties.map((p) => p.insertText)).toEqual(['stringProperties.tier', 'booleanProperties.vip']);
    expect(action?.properties.map((p) => p.prefixedText)).toEqual(['useraction.doubleProperties.cart_value', 'useraction.booleanProperties.vip']);
    expect(completions.functions.map((f) => f.name)).toContain('PERCENTILE');
    expect(completions.keywords).toContain('STARTSWITH');
    expect(completions.variables).toEqual(['$NOW', '$TIME_FRAME_START', '$TIME_FRAME_END']);
  });
});
