import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SchemaFilter } from '@prisma/schema-engine-wasm';
import { createDatabase } from './database-admin';
import { readMigrationList } from './migration-files';
import { resolvePrismaPaths, type TPrismaPaths } from './paths';
import { withSchemaEngine } from './schema-engine';

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface TMigrateResult {
  /** Names of the migration directories applied by this run, oldest first. */
  applied: string[];
}

function readSchema(paths: TPrismaPaths): { path: string; content: string } {
  return { path: path.basename(paths.schemaPath), content: readFileSync(paths.schemaPath, 'utf8') };
}

/**
 * Creates the database if missing and applies pending migrations with Prisma's own engine,
 * so `_prisma_migrations` is exactly what `prisma migrate deploy` keeps.
 */
export async function migrateDatabase(databaseUrl: string, overrides: Partial<TPrismaPaths> = {}): Promise<TMigrateResult> {
  const paths = resolvePrismaPaths(overrides);
  await createDatabase(databaseUrl);
  const migrationsList = readMigrationList(paths.migrationsDir);
  const output = await withSchemaEngine(databaseUrl, readSchema(paths), (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return { applied: output.appliedMigrationNames };
}

/** The SQL that would bring the database to schema.prisma; empty when they agree. */
export async function diffDatabaseAgainstSchema(databaseUrl: string, overrides: Partial<TPrismaPaths> = {}): Promise<string> {
  const paths = resolvePrismaPaths(overrides);
  const schema = readSchema(paths);
  const result = await withSchemaEngine(databaseUrl, schema, (engine) =>
    engine.diff({
      // The datasource is the adapter's connection: the wasm engine has no URL connector.
      from: { tag: 'schemaDatasource', files: [schema], configDir: path.dirname(paths.schemaPath) },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    }),
  );
  return normaliseDiff(result.stdout ?? '');
}

/** Prisma prints a comment instead of SQL when there is nothing to do. */
function normaliseDiff(sql: string): string {
  const trimmed = sql.trim();
  return trimmed === '-- This is an empty migration.' ? '' : trimmed;
}
