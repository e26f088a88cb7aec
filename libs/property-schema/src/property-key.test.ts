import fc from 'fast-check';
import { MAX_QUALIFIED_KEY_LENGTH, validatePropertyKey, ZPropertyKey } from './property-key';
import { PROPERTY_SCOPES, propertyKeyPrefixOf, type TPropertyScope } from './property-scope';
import { rulesOf } from './test-helpers';

const rules = (key: string, scope: TPropertyScope) => validatePropertyKey(key, scope).map((issue) => issue.rule);

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const KEY_CHARS = `${LETTERS}0123456789_.`;
const letter = fc.constantFrom(...LETTERS);
const keyChar = fc.constantFrom(...KEY_CHARS);
const maxKeyLength = (scope: TPropertyScope) => MAX_QUALIFIED_KEY_LENGTH - propertyKeyPrefixOf(scope).length;
const validKey = (scope: TPropertyScope) =>
  fc.tuple(letter, fc.array(keyChar, { maxLength: maxKeyLength(scope) - 1 })).map(([first, rest]) => first + rest.join(''));
const forbiddenChar = fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }).filter((char) => !KEY_CHARS.includes(char));
const scopeArb = fc.constantFrom(...PROPERTY_SCOPES);

describe('validatePropertyKey', () => {
  it('accepts dotted keys such as cart.total_value', () => {
    expect(validatePropertyKey('cart.total_value', 'both')).toEqual([]);
  });

  it('names each broken rule with a message a person understands', () => {
    expect(validatePropertyKey('', 'event')).toEqual([{ path: 'key', rule: 'key_required', message: 'key is required' }]);
    expect(validatePropertyKey('_cart', 'event')).toEqual([{ path: 'key', rule: 'key_starts_with_letter', message: 'key must start with a letter' }]);
    expect(validatePropertyKey('cart-total value', 'event')).toEqual([
      { path: 'key', rule: 'key_format', message: 'key may contain only letters, digits, "_" and "."; found "-", " "' },
    ]);
    expect(rules('1-a', 'event')).toEqual(['key_format', 'key_starts_with_letter']);
  });

  it('counts the session prefix, and the longer one for both', () => {
    const key = 'k'.repeat(85);
    expect(validatePropertyKey(key, 'session')).toEqual([
      { path: 'key', rule: 'key_too_long', message: 'key is 104 characters with its prefix `session_properties.`; the limit is 100' },
    ]);
    expect(rules(key, 'both')).toEqual(['key_too_long']);
    expect(rules('k'.repeat(83), 'event')).toEqual([]);
    expect(rules('k'.repeat(84), 'event')).toEqual(['key_too_long']);
  });

  it('accepts every generated valid key in every scope it fits', () => {
    fc.assert(fc.property(scopeArb.chain((scope) => fc.tuple(fc.constant(scope), validKey(scope))), ([scope, key]) => {
      expect(validatePropertyKey(key, scope)).toEqual([]);
    }));
  });

  it('rejects any key holding a forbidden character', () => {
    fc.assert(fc.property(scopeArb, validKey('both'), forbiddenChar, fc.nat(), (scope, key, bad, at) => {
      const index = 1 + (at % key.length);
      expect(rules(key.slice(0, index) + bad + key.slice(index), scope)).toContain('key_format');
    }));
  });

  it('rejects any key starting with something other than a letter', () => {
    const notLetter = fc.oneof(fc.constantFrom(...'0123456789_.'), forbiddenChar);
    fc.assert(fc.property(scopeArb, notLetter, validKey('both'), (scope, first, rest) => {
      expect(rules(first + rest, scope)).toContain('key_starts_with_letter');
    }));
  });

  it('rejects any key over the limit with its prefix', () => {
    fc.assert(fc.property(scopeArb, validKey('event'), fc.integer({ min: 1, max: 200 }), (scope, key, extra) => {
      const long = key + 'x'.repeat(maxKeyLength(scope) - key.length + extra);
      expect(rules(long, scope)).toEqual(['key_too_long']);
    }));
  });

  it.each(PROPERTY_SCOPES)('puts the boundary at exactly 100 characters with the %s prefix', (scope) => {
    const fits = 'a'.repeat(maxKeyLength(scope));
    expect(propertyKeyPrefixOf(scope).length + fits.length).toBe(100);
    expect(rules(fits, scope)).toEqual([]);
    expect(rules(`${fits}b`, scope)).toEqual(['key_too_long']);
  });
});

describe('ZPropertyKey', () => {
  it('checks a key on its own against the shortest prefix', () => {
    expect(rulesOf(ZPropertyKey, 'a'.repeat(83))).toEqual([]);
    expect(rulesOf(ZPropertyKey, 'a'.repeat(84))).toEqual([['', 'key_too_long']]);
    expect(rulesOf(ZPropertyKey, '9lives')).toEqual([['', 'key_starts_with_letter']]);
    expect(rulesOf(ZPropertyKey, 7)).toEqual([['', 'invalid_type']]);
  });
});
