import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-trailmark-signature';
/** Receivers should reject signatures older than this: a captured request cannot be replayed later. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` */
export function signPayload(secret: string, body: string, nowMs = Date.now()): string {
  const timestamp = Math.floor(nowMs / 1000);
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

export interface TVerifyInput {
  header: string | undefined;
  /** The raw request body, exactly as received. */
  body: string;
  secret: string;
  toleranceSeconds?: number;
  nowMs?: number;
}

/** What a receiver runs: constant-time compare, and the timestamp must be recent. */
export function verifySignature(input: TVerifyInput): boolean {
  const parts = new Map((input.header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(Math.floor((input.nowMs ?? Date.now()) / 1000) - timestamp) > tolerance) return false;
  const expected = Buffer.from(hmacHex(input.secret, timestamp, input.body), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
