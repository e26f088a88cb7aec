import 'server-only';
import { createPrismaClient } from '@trailmark/db';
import type { PrismaClient } from '@trailmark/db';
import type { TApiDeps } from '@trailmark/api';
import { consoleEnv } from './env';

const globalForDb = globalThis as unknown as { trailmarkDb?: PrismaClient };

export function apiDeps(): TApiDeps {
  const env = consoleEnv();
  globalForDb.trailmarkDb ??= createPrismaClient(env.DATABASE_URL);
  return { db: globalForDb.trailmarkDb, secret: env.TRAILMARK_SECRET, collectorPublicUrl: env.COLLECTOR_PUBLIC_URL };
}
