/** Parsing of the literal forms USQL accepts: dates, durations, LIKE patterns, IP addresses. */

export interface TDuration {
  months: number;
  ms: number;
}

const DURATION_UNITS: Readonly<Record<string, { months?: number; ms?: number }>> = {
  y: { months: 12 },
  q: { months: 3 },
  M: { months: 1 },
  w: { ms: 7 * 86_400_000 },
  d: { ms: 86_400_000 },
  h: { ms: 3_600_000 },
  m: { ms: 60_000 },
  s: { ms: 1000 },
};

/** `"2h"`, `"1d12h"`, `"30m"`; units are case-sensitive (`M` months, `m` minutes). */
export function parseDuration(text: string): TDuration | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^(?:[0-9]+(?:\.[0-9]+)?[yqMwdhms])+$/.test(compact)) return undefined;
  const result: TDuration = { months: 0, ms: 0 };
  for (const match of compact.matchAll(/([0-9]+(?:\.[0-9]+)?)([yqMwdhms])/g)) {
    const amount = Number(match[1]);
    const unit = DURATION_UNITS[match[2] as string] as { months?: number; ms?: number };
    if (unit.months !== undefined) {
      if (!Number.isInteger(amount)) return undefined;
      result.months += amount * unit.months;
    } else {
      result.ms += Math.round(amount * (unit.ms as number));
    }
  }
  return result;
}

interface TDateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Minutes east of UTC when the literal names a zone. */
  zoneMinutes?: number;
}

const TIME = String.raw`(?:[T ]+([0-9]{1,2})(?::([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,3}))?)?)?)?`;
const ZONE = String.raw`\s*(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?`;
const FORMATS: { pattern: RegExp; order: 'ymd' | 'mdy' | 'dmy' }[] = [
  { pattern: new RegExp(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})${TIME}${ZONE}$`), order: 'ymd' },
  { pattern: new RegExp(`^([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})${TIME}${ZONE}$`), order: 'ymd' },
  { pattern: new RegExp(`^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})${TIME}${ZONE}$`), order: 'mdy' },
  { pattern: new RegExp(`^([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{4})${TIME}${ZONE}$`), order: 'dmy' },
];

function parseZone(zone: string | undefined): number | undefined {
  if (zone === undefined) return undefined;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

function partsOf(text: string): TDateParts | undefined {
  for (const { pattern, order } of FORMATS) {
    const match = pattern.exec(text.trim());
    if (!match) continue;
    const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const [year, month, day] = order === 'ymd' ? [a, b, c] : order === 'mdy' ? [c, a, b] : [c, b, a];
    const parts: TDateParts = {
      year,
      month,
      day,
      hour: Number(match[4] ?? 0),
      minute: Number(match[5] ?? 0),
      second: Number(match[6] ?? 0),
      ms: Number((match[7] ?? '0').padEnd(3, '0')),
    };
    const zone = parseZone(match[8]);
    if (zone !== undefined) parts.zoneMinutes = zone;
    return parts;
  }
  return undefined;
}

/**
 * A date literal to epoch ms. Without a zone the literal is local time at `offsetUtcMinutes`
 * (the request's offsetUTC), so `2026-11-22` with offset 60 is 2026-11-21T23:00Z.
 */
export function parseDateLiteral(text: string, offsetUtcMinutes: number): number | undefined {
  const parts = partsOf(text);
  if (!parts) return undefined;
  const { year, month, day, hour, minute, second, ms } = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(utc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  return utc - (parts.zoneMinutes ?? offsetUtcMinutes) * 60_000;
}

/**
 * A USQL LIKE pattern (`%`/`*` any run, `?` one character, `\` escapes) as a SQL LIKE pattern
 * using `\` as its escape character.
 */
export function toSqlLikePattern(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === '\\' && i + 1 < pattern.length) {
      i += 1;
      out += escapeLikeChar(pattern[i] as string);
    } else if (ch === '%' || ch === '*') {
      out += '%';
    } else if (ch === '?') {
      out += '_';
    } else {
      out += escapeLikeChar(ch);
    }
  }
  return out;
}

function escapeLikeChar(ch: string): string {
  return ch === '%' || ch === '_' || ch === '\\' ? `\\${ch}` : ch;
}

/** A prefix as a SQL LIKE pattern matching everything that starts with it. */
export function toPrefixLikePattern(prefix: string): string {
  return `${[...prefix].map(escapeLikeChar).join('')}%`;
}

const IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;

export function isIpAddress(text: string): boolean {
  if (IPV4.test(text)) return true;
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':')) return false;
  const doubleColons = text.split('::').length - 1;
  if (doubleColons > 1) return false;
  const groups = text.split(':').filter((g) => g !== '');
  const last = groups[groups.length - 1] ?? '';
  const tailIsV4 = IPV4.test(last);
  const hexGroups = tailIsV4 ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const width = hexGroups.length + (tailIsV4 ? 2 : 0);
  return doubleColons === 1 ? width < 8 : width === 8;
}
