const LONG_DIGITS = /\d{16,}/;
const BIGINT_MARK = '\u0000bigint:';

/**
 * JSON.parse that keeps integers beyond ±2^53 exact as bigint (long properties live in jsonb as
 * plain numbers). Only texts with 16+ digit runs take the slow path.
 */
export function parseJsonWithLongs(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text);
  return JSON.parse(markLongIntegers(text), (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(BIGINT_MARK) ? toExactNumber(value.slice(BIGINT_MARK.length)) : value,
  );
}

function toExactNumber(digits: string): number | bigint {
  const big = BigInt(digits);
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

// Wraps bare integer literals of 16+ digits (outside strings) in marked strings.
function markLongIntegers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      const end = endOfString(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    const match = ch === '-' || (ch >= '0' && ch <= '9') ? /^-?\d+(?![.eE\d])/.exec(text.slice(i, i + 40)) : null;
    if (match && match[0].replace('-', '').length >= 16) {
      out += JSON.stringify(BIGINT_MARK + match[0]);
      i += match[0].length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** JSON.stringify that writes bigint as a plain JSON number (jsonb keeps it exact). */
export function stringifyWithLongs(value: unknown): string {
  if (isEmptyPlainObject(value)) return '{}';
  let hasBigint = false;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'bigint') return v;
    hasBigint = true;
    return BIGINT_MARK + v.toString();
  });
  if (!hasBigint) return text;
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}

function isEmptyPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return !('toJSON' in value);
}
