import { UsqlError, type TSourcePosition } from './usql-error';
import { FUNCTION_NAMES, KEYWORDS } from './catalog';

export type TTokenKind =
  | 'keyword'
  | 'identifier'
  | 'function'
  | 'string'
  | 'number'
  | 'variable'
  | 'operator'
  | 'punctuation'
  | 'error'
  | 'eof';

export interface TToken {
  kind: TTokenKind;
  /** The text as written. */
  text: string;
  /** Strings: the unquoted value; keywords: upper case; otherwise the text. */
  value: string;
  /** A string's quote, so the parser can tell `AS "label"` from other strings if it must. */
  quote?: "'" | '"';
  start: number;
  end: number;
  line: number;
  column: number;
}

const OPERATORS = ['<=', '>=', '<>', '!=', '=', '<', '>', '+', '-', '*', '/', '%', '~'];
const PUNCTUATION = ['(', ')', ',', '.'];

function isIdentStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch);
}

function isIdentPart(ch: string): boolean {
  return /[A-Za-z0-9_]/.test(ch);
}

/**
 * Splits USQL text into tokens with positions. It never throws, so the console can highlight a
 * half-typed query: bad characters and unterminated strings become `error` tokens, which the
 * parser reports.
 */
export function tokenizeUsql(text: string): TToken[] {
  const tokens: TToken[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;

  const push = (kind: TTokenKind, start: number, end: number, value: string, quote?: "'" | '"'): void => {
    const token: TToken = { kind, text: text.slice(start, end), value, start, end, line, column: start - lineStart + 1 };
    if (quote) token.quote = quote;
    tokens.push(token);
  };

  while (index < text.length) {
    const ch = text[index] as string;
    if (ch === '\n') {
      index += 1;
      line += 1;
      lineStart = index;
      continue;
    }
    if (/\s/.test(ch)) {
      index += 1;
      continue;
    }
    const start = index;
    if (ch === "'" || ch === '"') {
      let value = '';
      let closed = false;
      index += 1;
      const tokenLine = line;
      const tokenLineStart = lineStart;
      while (index < text.length) {
        const c = text[index] as string;
        if (c === ch) {
          if (text[index + 1] === ch) {
            value += ch;
            index += 2;
            continue;
          }
          index += 1;
          closed = true;
          break;
        }
        if (c === '\n') {
          line += 1;
          lineStart = index + 1;
        }
        value += c;
        index += 1;
      }
      const token: TToken = {
        kind: closed ? 'string' : 'error',
        text: text.slice(start, index),
        value: closed ? value : 'unterminated string',
        quote: ch,
        start,
        end: index,
        line: tokenLine,
        column: start - tokenLineStart + 1,
      };
      tokens.push(token);
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(text[index + 1] ?? ''))) {
      const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(index));
      const numberText = match ? match[0] : ch;
      index += numberText.length;
      if (index < text.length && isIdentStart(text[index] as string)) {
        while (index < text.length && isIdentPart(text[index] as string)) index += 1;
        push('error', start, index, 'malformed number');
        continue;
      }
      push('number', start, index, numberText);
      continue;
    }
    if (isIdentStart(ch)) {
      index += 1;
      // A dotted path is one token: property keys may themselves contain dots.
      for (;;) {
        while (index < text.length && isIdentPart(text[index] as string)) index += 1;
        if (text[index] === '.' && isIdentPart(text[index + 1] ?? '')) {
          index += 1;
          continue;
        }
        break;
      }
      const word = text.slice(start, index);
      const upper = word.toUpperCase();
      push(KEYWORDS.has(upper) ? 'keyword' : 'identifier', start, index, KEYWORDS.has(upper) ? upper : word);
      continue;
    }
    if (ch === '$') {
      index += 1;
      while (index < text.length && isIdentPart(text[index] as string)) index += 1;
      push(index - start > 1 ? 'variable' : 'error', start, index, text.slice(start, index).toUpperCase());
      continue;
    }
    const operator = OPERATORS.find((op) => text.startsWith(op, index));
    if (operator) {
      index += operator.length;
      push('operator', start, index, operator);
      continue;
    }
    if (PUNCTUATION.includes(ch)) {
      index += 1;
      push('punctuation', start, index, ch);
      continue;
    }
    index += 1;
    push('error', start, index, `unexpected character \`${ch}\``);
  }
  tokens.push({ kind: 'eof', text: '', value: '', start: text.length, end: text.length, line, column: text.length - lineStart + 1 });

  for (let i = 0; i < tokens.length - 1; i += 1) {
    const token = tokens[i] as TToken;
    const next = tokens[i + 1] as TToken;
    if (
      (token.kind === 'identifier' || token.kind === 'keyword') &&
      next.value === '(' &&
      FUNCTION_NAMES.has(token.text.toUpperCase())
    ) {
      token.kind = 'function';
      token.value = token.text.toUpperCase();
    }
  }
  return tokens;
}

export function positionOf(token: Pick<TToken, 'line' | 'column' | 'start'>): TSourcePosition {
  return { line: token.line, column: token.column, offset: token.start };
}

export function syntaxError(token: TToken, message: string): UsqlError {
  return new UsqlError('USQL_SYNTAX', message, positionOf(token));
}
