import { ZodError } from 'zod';
import { createPrismaClient } from '@trailmark/db';
import { isTrailmarkError, toFieldIssues } from '@trailmark/errors';
import type { PrismaClient } from '@trailmark/db';
import { createUser } from '@trailmark/services';
import type { TUserRole } from '@trailmark/services';
import { createTestDatabase } from '@trailmark/testing';
import type { TTestDatabase } from '@trailmark/testing';
import { createApiContext, createCaller } from '../src/index';
import type { TCookieWriter } from '../src/index';

export const SECRET = 'test-secret-'.padEnd(40, 'x');

export interface THarness {
  db: PrismaClient;
  /** A caller signed in with the given role, through the real cookie and context path. */
  as(role: TUserRole): Promise<ReturnType<typeof createCaller>>;
  anonymous(): Promise<ReturnType<typeof createCaller>>;
  close(): Promise<void>;
}

function recordingCookies(jar: Map<string, string>): TCookieWriter {
  return { set: (name, value) => void jar.set(name, value), clear: (name) => void jar.delete(name) };
}

export async function createHarness(): Promise<THarness> {
  const database: TTestDatabase = await createTestDatabase();
  const db = createPrismaClient(database.url);
  const deps = { db, secret: SECRET, collectorPublicUrl: 'http://collector.test' };
  const callerWith = async (jar: Map<string, string>) =>
    createCaller(await createApiContext(deps, { sessionToken: jar.get('tm_session'), cookies: recordingCookies(jar), isSecureRequest: false }));
  const users = new Map<TUserRole, Map<string, string>>();
  return {
    db,
    async as(role) {
      let jar = users.get(role);
      if (!jar) {
        jar = new Map();
        const email = `${role}@example.test`;
        await createUser(db, { email, password: 'correct horse battery', role });
        await (await callerWith(jar)).auth.signIn({ email, password: 'correct horse battery' });
        users.set(role, jar);
      }
      return callerWith(jar);
    },
    anonymous: () => callerWith(new Map()),
    async close() {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** The tRPC error's code and our field issues, for precise assertions. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; issues: Array<{ path: string; rule: string; message: string }> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; message: string; cause?: unknown };
    const cause = e.cause;
    const issues = isTrailmarkError(cause) ? cause.issues : cause instanceof ZodError ? toFieldIssues(cause.issues) : [];
    return { code: e.code ?? 'UNKNOWN', message: e.message, issues };
  }
  throw new Error('expected the call to be rejected');
}
