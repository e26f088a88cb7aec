import { z } from 'zod';
import { ZApiTokenCreate, ZApiTokenScope } from '@trailmark/services';

export const ZCreateTokenRequest = ZApiTokenCreate;
export const ZCreateTokenResponse = z.object({ id: z.string(), token: z.string() });
export const ZTokenView = z.object({
  id: z.string(),
  name: z.string(),
  tokenPrefix: z.string(),
  scopes: z.array(ZApiTokenScope),
  applicationIds: z.array(z.string()),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export const ZListTokensResponse = z.array(ZTokenView);
export const ZRevokeTokenRequest = z.object({ id: z.string().min(1) });
export const ZRevokeTokenResponse = z.object({ revoked: z.literal(true) });
