import type { TRPCRouterRecord } from '@trpc/server';
import { meRoute } from './me';
import { signInRoute } from './sign-in';
import { signOutRoute } from './sign-out';

export const authRouter = { signIn: signInRoute, signOut: signOutRoute, me: meRoute } satisfies TRPCRouterRecord;
