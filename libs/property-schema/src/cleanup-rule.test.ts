import { compileCleanupRule, validateCleanupRule } from './cleanup-rule';

const rules = (pattern: string) => validateCleanupRule(pattern).map((issue) => [issue.path, issue.rule]);

describe('validateCleanupRule', () => {
  it('accepts patterns that compile as a JS RegExp', () => {
    expect(rules(String.raw`^GA\d+\.\d+\.(\d+\.\d+)$`)).toEqual([]);
    expect(rules(String.raw`(\d+)?-(\w+)`)).toEqual([]);
  });

  it('rejects patterns that do not compile, with the engine message', () => {
    const [issue] = validateCleanupRule('(unclosed');
    expect(issue?.rule).toBe('cleanup_rule_invalid');
    expect(issue?.path).toBe('cleanupRule');
    expect(issue?.message).toMatch(/^cleanupRule is not a valid regular expression: /);
  });

  it.each([String.raw`(a+)+$`, String.raw`(\w*)*x`, String.raw`(x+){2,}`])('rejects nested unbounded repetition %s', (pattern) => {
    expect(rules(pattern)).toEqual([['cleanupRule', 'cleanup_rule_unsafe']]);
  });

  it('rejects empty and over-long patterns', () => {
    expect(rules('')).toEqual([['cleanupRule', 'cleanup_rule_invalid']]);
    expect(rules('a'.repeat(501))).toEqual([['cleanupRule', 'cleanup_rule_too_long']]);
  });

  it('compiles without flags, as ingest and the SDK apply it', () => {
    expect(compileCleanupRule('a(b)').exec('xaby')?.[1]).toBe('b');
    expect(compileCleanupRule('a').flags).toBe('');
  });
});
