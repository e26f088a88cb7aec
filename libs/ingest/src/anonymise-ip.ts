import { isIP } from 'node:net';

export const IP_ANONYMISATIONS = ['none', 'truncate', 'drop'] as const;
export type TIpAnonymisation = (typeof IP_ANONYMISATIONS)[number];

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** Sockets report IPv4 clients of a dual-stack server as `::ffff:a.b.c.d`; we store them as IPv4. */
export function normaliseIp(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const mapped = IPV4_MAPPED.exec(raw);
  const ip = mapped?.[1] ?? raw;
  return isIP(ip) === 0 ? null : ip;
}

/** `truncate` zeroes the last IPv4 octet or the last 80 bits of an IPv6 address (SPEC §3). */
export function anonymiseIp(ip: string | null, mode: TIpAnonymisation): string | null {
  if (ip === null || mode === 'drop') return null;
  if (mode === 'none') return ip;
  const version = isIP(ip);
  if (version === 4) return ip.replace(/\.\d+$/, '.0');
  if (version === 6) return truncateIpv6(ip);
  return null;
}

function expandIpv6(ip: string): number[] {
  const [head = '', tail] = ip.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').flatMap(groupsOf));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

// An embedded IPv4 tail (`::1.2.3.4`) counts as two 16-bit groups.
function groupsOf(group: string): number[] {
  if (!group.includes('.')) return [parseInt(group, 16)];
  const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
  return [(a << 8) | b, (c << 8) | d];
}

function truncateIpv6(ip: string): string {
  const groups = expandIpv6(ip);
  // 128 - 80 = 48 bits kept: the first three groups.
  const kept = groups.slice(0, 3).map((group) => group.toString(16));
  return `${kept.join(':')}::`;
}
