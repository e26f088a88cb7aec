export { createPrismaClient, createPgPool } from './client';
export type { TPrismaClientOptions, TPgPoolOptions } from './client';
export { migrateDatabase, diffDatabaseAgainstSchema } from './migrate';
export type { TMigrateResult } from './migrate';
export { createDatabase, dropDatabase, databaseExists, databaseNameOf, withDatabaseName } from './database-admin';
export type { TCreateDatabaseOptions } from './database-admin';
export { listMigrationNames, fingerprintMigrations } from './migration-files';
export { DEFAULT_PRISMA_PATHS } from './paths';
export type { TPrismaPaths } from './paths';

export {
  Prisma,
  PropertyScope,
  PropertyDataType,
  PropertySource,
  SessionAggregation,
  UserRole,
  IpAnonymisation,
} from './generated/client';
export type {
  PrismaClient,
  Application,
  PropertyDefinition,
  User,
  ApiToken,
  Event,
  LiveSession,
  DropCounter,
  Session,
  UserAction,
  UserEvent,
  UserError,
} from './generated/client';

/** The client inside `$transaction(async (tx) => …)`; a PrismaClient also satisfies it. */
export type { TransactionClient } from './generated/internal/prismaNamespace';
