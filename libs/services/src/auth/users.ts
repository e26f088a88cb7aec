import type { PrismaClient } from '@trailmark/db';
import { TrailmarkError } from '@trailmark/errors';
import { parseInput } from '../parse-input';
import { hashPassword, verifyPassword } from './passwords';
import { ZSignIn, ZUserCreate } from './user.types';
import type { TPublicUser, TUserCreate } from './user.types';

const PUBLIC_USER = { id: true, email: true, role: true, createdAt: true } as const;

// Verifying against a real hash when the user is unknown keeps timing from revealing emails.
let dummyHash: Promise<string> | undefined;

export async function createUser(db: PrismaClient, input: TUserCreate): Promise<TPublicUser> {
  const data = parseInput(ZUserCreate, input);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) {
    throw new TrailmarkError('CONFLICT', `a user with email ${data.email} already exists`, {
      issues: [{ path: 'email', rule: 'unique', message: 'is already taken' }],
    });
  }
  const passwordHash = await hashPassword(data.password);
  return db.user.create({ data: { email: data.email, passwordHash, role: data.role }, select: PUBLIC_USER });
}

export async function authenticateUser(db: PrismaClient, input: unknown): Promise<TPublicUser> {
  const { email, password } = parseInput(ZSignIn, input);
  const user = await db.user.findUnique({ where: { email } });
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyHash, password);
  if (!user || !ok) throw new TrailmarkError('UNAUTHENTICATED', 'email or password is wrong');
  return { id: user.id, email: user.email, role: user.role, createdAt: user.createdAt };
}

export function findUserById(db: PrismaClient, id: string): Promise<TPublicUser | null> {
  return db.user.findUnique({ where: { id }, select: PUBLIC_USER });
}

export function listUsers(db: PrismaClient): Promise<TPublicUser[]> {
  return db.user.findMany({ select: PUBLIC_USER, orderBy: { createdAt: 'asc' } });
}
