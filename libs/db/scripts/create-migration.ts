/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL Prisma's engine says
 * takes the existing migrations to schema.prisma. The existing migrations are replayed into a
 * throw-away database (the wasm engine has no shadow database of its own).
 * Usage: tsx libs/db/scripts/create-migration.ts NAME
 *        tsx libs/db/scripts/create-migration.ts --check   (exit 1 if a migration is missing)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, withDatabaseName } from '../src/database-admin';
import { MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE, listMigrationNames } from '../src/migration-files';
import { diffDatabaseAgainstSchema, migrateDatabase } from '../src/migrate';
import { DEFAULT_PRISMA_PATHS } from '../src/paths';
import { withSchemaEngine } from '../src/schema-engine';

// eslint-disable-next-line no-restricted-properties -- a developer CLI, configured like prisma.config.ts
const adminUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/trailmark';

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function diffFromEmpty(databaseUrl: string): Promise<string> {
  const schema = { path: 'schema.prisma', content: readFileSync(DEFAULT_PRISMA_PATHS.schemaPath, 'utf8') };
  const result = await withSchemaEngine(databaseUrl, schema, (engine) =>
    engine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
  return result.stdout ?? '';
}

async function main(): Promise<void> {
  const name = process.argv[2];
  const checkOnly = name === '--check';
  if (!name || (!checkOnly && !/^[a-z0-9_]+$/.test(name))) {
    throw new Error('Usage: create-migration.ts NAME (lowercase letters, digits, _) | --check');
  }
  const { migrationsDir } = DEFAULT_PRISMA_PATHS;
  const scratchUrl = withDatabaseName(adminUrl, `trailmark_diff_${randomBytes(4).toString('hex')}`);
  let sql: string;
  try {
    if (listMigrationNames(migrationsDir).length === 0) {
      await createDatabase(scratchUrl);
      sql = await diffFromEmpty(scratchUrl);
    } else {
      await migrateDatabase(scratchUrl);
      sql = await diffDatabaseAgainstSchema(scratchUrl);
    }
  } finally {
    await dropDatabase(scratchUrl);
  }
  if (!sql.trim()) {
    console.log('schema.prisma matches the migrations; nothing to write');
    return;
  }
  if (checkOnly) {
    console.error(`schema.prisma is ahead of the migrations; run create-migration NAME. Missing SQL:\n${sql}`);
    process.exit(1);
  }
  const dir = path.join(migrationsDir, `${timestamp()}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), sql.endsWith('\n') ? sql : `${sql}\n`);
  writeFileSync(path.join(migrationsDir, MIGRATION_LOCK_FILE), MIGRATION_LOCK_CONTENT);
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
