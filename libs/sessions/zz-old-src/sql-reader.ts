import type { PrismaClient } from '@trailmark/db';
import { LONG_SAFE_TYPES, type TQueryable } from './pg-types';

/** Read-only SQL over either a pg pool/client (worker, CLI) or Prisma (the api's context). */
export interface TSqlReader {
  rows<T>(text: string, values: readonly unknown[]): Promise<T[]>;
}

export function pgReader(db: TQueryable): TSqlReader {
  return {
    async rows<T>(text: string, values: readonly unknown[]) {
      const result = await db.query({ text, values: [...values], types: LONG_SAFE_TYPES });
      return result.rows as T[];
    },
  };
}

export function prismaReader(db: Pick<PrismaClient, '$queryRawUnsafe'>): TSqlReader {
  return {
    rows<T>(text: string, values: readonly unknown[]) {
      return db.$queryRawUnsafe<T[]>(text, ...values);
    },
  };
}
