import { z } from 'zod';
import { ZPublicUser, ZSignIn } from '@trailmark/services';

export const ZSignInRequest = ZSignIn;
export const ZSignInResponse = ZPublicUser;
export const ZMeResponse = ZPublicUser.nullable();
export const ZSignOutResponse = z.object({ signedOut: z.literal(true) });
