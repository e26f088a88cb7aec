import { z } from 'zod';

export const USER_ROLES = ['admin', 'editor', 'viewer'] as const;
export const ZUserRole = z.enum(USER_ROLES);
export type TUserRole = z.infer<typeof ZUserRole>;

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email({ error: 'must be an email address' })).pipe(z.string().max(254));

export const ZPassword = z
  .string()
  .min(10, { error: 'must be at least 10 characters' })
  .max(256, { error: 'must be at most 256 characters' });

export const ZUserCreate = z.object({ email: ZEmail, password: ZPassword, role: ZUserRole });
export type TUserCreate = z.input<typeof ZUserCreate>;

export const ZSignIn = z.object({ email: ZEmail, password: z.string().min(1, { error: 'is required' }).max(256) });
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZPublicUser = z.object({ id: z.string(), email: z.string(), role: ZUserRole, createdAt: z.date() });
export type TPublicUser = z.infer<typeof ZPublicUser>;

/** What each role may do; checked on every procedure and CLI command. */
export const ROLE_RANK: Record<TUserRole, number> = { viewer: 0, editor: 1, admin: 2 };

export function hasRole(actual: TUserRole, required: TUserRole): boolean {
  return ROLE_RANK[actual] >= ROLE_RANK[required];
}
