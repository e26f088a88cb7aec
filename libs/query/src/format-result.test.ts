import { formatTable, formatTree } from './format-result';

const columns = [
  { name: 'country', type: 'string' as const },
  { name: 'startTime', type: 'date' as const },
  { name: 'COUNT(*)', type: 'long' as const },
];

describe('formatTable', () => {
  it('echoes names, keeps numbers, shifts dates by offsetUTC and makes non-finite numbers null', () => {
    expect(formatTable([['IE', 1000, 3], [null, null, Number.NaN]], columns, 60)).toEqual({
      columnNames: ['country', 'startTime', 'COUNT(*)'],
      values: [['IE', 1000 + 3_600_000, 3], [null, null, null]],
      extrapolationLevel: 1,
    });
  });
});

describe('formatTree', () => {
  it('nests the grouping columns and keeps the rest as leaves', () => {
    const tree = formatTree([['IE', 'Dublin', 24], ['IE', 'Cork', 2], ['AT', 'Wien', 5]], [
      { name: 'country', type: 'string' },
      { name: 'city', type: 'string' },
      { name: 'count(*)', type: 'long' },
    ], 2, 0);
    expect(JSON.parse(JSON.stringify(tree))).toEqual({
      branchNames: ['country', 'city'],
      leafNames: ['count(*)'],
      values: { IE: { Dublin: [24], Cork: [2] }, AT: { Wien: [5] } },
      extrapolationLevel: 1,
    });
  });

  it('names null branches "null" and treats __proto__ as a plain key', () => {
    const tree = formatTree([[null, 1], ['__proto__', 2]], [{ name: 'k', type: 'string' }, { name: 'n', type: 'long' }], 1, 0);
    expect(JSON.stringify(tree.values)).toBe('{"null":[1],"__proto__":[2]}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
