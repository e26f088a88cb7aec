import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/client';

export interface TPrismaClientOptions {
  /** Connections in the adapter's pool (pg's default is 10). */
  maxConnections?: number;
}

/** A Prisma client on the pg driver adapter: no native engine involved. */
export function createPrismaClient(databaseUrl: string, options: TPrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections });
  return new PrismaClient({ adapter });
}

export interface TPgPoolOptions {
  max?: number;
  /** Tag shown in pg_stat_activity, handy when several services share one server. */
  applicationName?: string;
}

/** A plain pg pool for bulk paths Prisma does not serve well (COPY, multi-row upserts). */
export function createPgPool(databaseUrl: string, options: TPgPoolOptions = {}): pg.Pool {
  return new pg.Pool({ connectionString: databaseUrl, max: options.max, application_name: options.applicationName });
}
