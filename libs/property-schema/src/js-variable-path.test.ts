import { isTrailmarkError } from '@trailmark/errors';
import { parseJsVariablePath, tryParseJsVariablePath } from './js-variable-path';

describe('parseJsVariablePath', () => {
  it('reads a plain dotted path on window', () => {
    expect(parseJsVariablePath('app.version')).toEqual([
      { name: 'app', parseJson: false },
      { name: 'version', parseJson: false },
    ]);
  });

  it('marks a leading $ segment as a JSON string to parse', () => {
    expect(parseJsVariablePath('sessionStorage.$user.userid')).toEqual([
      { name: 'sessionStorage', parseJson: false },
      { name: 'user', parseJson: true },
      { name: 'userid', parseJson: false },
    ]);
  });

  it('reads $$ as a literal $, and $$$ as JSON at a name starting with $', () => {
    expect(parseJsVariablePath('$$config.a$b')).toEqual([
      { name: '$config', parseJson: false },
      { name: 'a$b', parseJson: false },
    ]);
    expect(parseJsVariablePath('data.$$$state')).toEqual([
      { name: 'data', parseJson: false },
      { name: '$state', parseJson: true },
    ]);
  });

  it.each([
    ['', 'empty segment'],
    ['a..b', 'empty segment'],
    ['a.', 'empty segment'],
    ['items[0].id', 'brackets'],
    ['my var', 'spaces'],
    ['a.$', 'no name'],
  ])('rejects %j (%s)', (expression, hint) => {
    const result = tryParseJsVariablePath(expression);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(hint.split(' ')[0]);
  });

  it('throws a VALIDATION error with rule expression_js_path', () => {
    try {
      parseJsVariablePath('a..b');
      throw new Error('expected a throw');
    } catch (error) {
      expect(isTrailmarkError(error) && error.code).toBe('VALIDATION');
      expect(isTrailmarkError(error) && error.issues.map((issue) => issue.rule)).toEqual(['expression_js_path']);
    }
  });
});
