import { TRPCError, initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { isTrailmarkError, toFieldIssues, trpcCodeOf } from '@trailmark/errors';
import type { TFieldIssue } from '@trailmark/errors';
import { hasRole } from '@trailmark/services';
import type { TUserRole } from '@trailmark/services';
import type { TApiContext } from './context';

/** What every tRPC error carries for clients: our code and the issues per field. */
export interface TApiErrorData {
  trailmarkCode: string | null;
  issues: TFieldIssue[];
  details: Record<string, unknown>;
}

function errorDataOf(error: TRPCError): TApiErrorData {
  const cause = error.cause;
  if (isTrailmarkError(cause)) return { trailmarkCode: cause.code, issues: cause.issues, details: cause.details };
  if (cause instanceof ZodError) return { trailmarkCode: 'VALIDATION', issues: toFieldIssues(cause.issues), details: {} };
  return { trailmarkCode: null, issues: [], details: {} };
}

const t = initTRPC.context<TApiContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, stack: undefined, ...errorDataOf(error) } };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// Domain errors become tRPC errors in exactly one place.
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isTrailmarkError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeOf(cause.code), message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

function requireRole(role: TUserRole) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.user.role, role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `this needs the ${role} role; you are ${ctx.user.role}` });
    }
    return next();
  });
}

export const viewerProcedure = authedProcedure;
export const editorProcedure = requireRole('editor');
export const adminProcedure = requireRole('admin');
