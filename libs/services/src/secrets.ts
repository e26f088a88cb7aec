import { createHash, randomBytes } from 'node:crypto';

/** A random credential with a recognisable prefix (`tmk_` ingest keys, `tmt_` API tokens). */
export function generateSecret(prefix: string, bytes = 24): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

// API tokens carry 256 bits of entropy, so a fast hash is enough; argon2 is for passwords.
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
