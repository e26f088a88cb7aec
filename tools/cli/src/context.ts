import { ZDatabaseEnv, ZRedisEnv, loadEnv } from '@trailmark/config';
import { createPrismaClient } from '@trailmark/db';
import type { PrismaClient } from '@trailmark/db';

const ZCliEnv = ZDatabaseEnv.extend(ZRedisEnv.shape);

export function cliEnv() {
  return loadEnv(ZCliEnv);
}

/** Opens the store for one command and always closes it, so the process can exit. */
export async function withDatabase<T>(work: (db: PrismaClient) => Promise<T>): Promise<T> {
  const db = createPrismaClient(cliEnv().DATABASE_URL);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
