import { z } from 'zod';
import type { PrismaClient } from '@trailmark/db';
import { TrailmarkError } from '@trailmark/errors';
import { parseInput } from '../parse-input';
import { generateSecret, hashToken } from '../secrets';

export const API_TOKEN_SCOPES = ['usql:read', 'sessions:read', 'config:write'] as const;
export const ZApiTokenScope = z.enum(API_TOKEN_SCOPES);
export type TApiTokenScope = z.infer<typeof ZApiTokenScope>;

export const ZApiTokenCreate = z.object({
  name: z.string().trim().min(1, { error: 'is required' }).max(100),
  scopes: z.array(ZApiTokenScope).min(1, { error: 'needs at least one scope' }),
  applicationIds: z.array(z.string().min(1)).default([]),
});
export type TApiTokenCreate = z.input<typeof ZApiTokenCreate>;

export interface TApiTokenGrant {
  tokenId: string;
  scopes: TApiTokenScope[];
  /** Empty means every application. */
  applicationIds: string[];
}

const TOKEN_PREFIX = 'tmt_';

/** Returns the token once; only its hash is stored. */
export async function createApiToken(db: PrismaClient, input: unknown): Promise<{ id: string; token: string }> {
  const data = parseInput(ZApiTokenCreate, input);
  const apps = await db.application.findMany({ where: { id: { in: data.applicationIds } }, select: { id: true } });
  const unknown = data.applicationIds.filter((id) => !apps.some((app) => app.id === id));
  if (unknown.length > 0) {
    throw new TrailmarkError('NOT_FOUND', `unknown application ${unknown.join(', ')}`, {
      issues: [{ path: 'applicationIds', rule: 'exists', message: `no application ${unknown.join(', ')}` }],
    });
  }
  const token = generateSecret(TOKEN_PREFIX, 32);
  const row = await db.apiToken.create({
    data: { name: data.name, tokenHash: hashToken(token), tokenPrefix: token.slice(0, 10), scopes: data.scopes, applicationIds: data.applicationIds },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** Resolves a presented token to its grant, or throws UNAUTHENTICATED for unknown or revoked ones. */
export async function verifyApiToken(db: PrismaClient, token: string): Promise<TApiTokenGrant> {
  if (!token.startsWith(TOKEN_PREFIX)) throw new TrailmarkError('UNAUTHENTICATED', 'malformed API token');
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt) throw new TrailmarkError('UNAUTHENTICATED', 'unknown or revoked API token');
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { tokenId: row.id, scopes: row.scopes as TApiTokenScope[], applicationIds: row.applicationIds };
}

export function listApiTokens(db: PrismaClient) {
  return db.apiToken.findMany({
    select: { id: true, name: true, tokenPrefix: true, scopes: true, applicationIds: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: 'desc' },
  });
}

export async function revokeApiToken(db: PrismaClient, id: string): Promise<void> {
  const result = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (result.count === 0) throw new TrailmarkError('NOT_FOUND', `no active API token ${id}`);
}
