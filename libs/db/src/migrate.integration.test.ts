import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPrismaClient } from './client';
import { databaseExists, dropDatabase, withDatabaseName } from './database-admin';
import { listMigrationNames } from './migration-files';
import { diffDatabaseAgainstSchema, migrateDatabase } from './migrate';
import { DEFAULT_PRISMA_PATHS } from './paths';

const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const databaseUrl = withDatabaseName(adminUrl, `trailmark_migrate_${randomBytes(5).toString('hex')}`);
const migrationNames = listMigrationNames(DEFAULT_PRISMA_PATHS.migrationsDir);

async function readMigrationRows(): Promise<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name');
    return result.rows;
  } finally {
    await client.end();
  }
}

function sha256OfMigration(name: string): string {
  const file = path.join(DEFAULT_PRISMA_PATHS.migrationsDir, name, 'migration.sql');
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('migrateDatabase', () => {
  afterAll(() => dropDatabase(databaseUrl));

  it('creates the database and applies every migration', async () => {
    expect(await databaseExists(databaseUrl)).toBe(false);
    const result = await migrateDatabase(databaseUrl);
    expect(migrationNames[0]).toMatch(/^\d{14}_init$/);
    expect(result.applied).toEqual(migrationNames);
  });

  it('keeps _prisma_migrations as Prisma does', async () => {
    const rows = await readMigrationRows();
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.checksum).toBe(sha256OfMigration(row.migration_name));
    }
  });

  it('applies nothing the second time', async () => {
    expect(await migrateDatabase(databaseUrl)).toEqual({ applied: [] });
  });

  it('leaves the database exactly as schema.prisma describes it', async () => {
    expect(await diffDatabaseAgainstSchema(databaseUrl)).toBe('');
  });

  it('round-trips an application through the Prisma client with the spec defaults', async () => {
    const prisma = createPrismaClient(databaseUrl);
    try {
      const created = await prisma.application.create({ data: { name: 'Shop', ingestKey: 'ik_test', allowedOrigins: ['https://shop.example'] } });
      const read = await prisma.application.findUniqueOrThrow({ where: { ingestKey: 'ik_test' } });
      expect(read).toEqual(created);
      expect(read).toMatchObject({
        sessionTimeoutMs: 30 * 60 * 1000,
        maxSessionDurationMs: 6 * 60 * 60 * 1000,
        honourDnt: true,
        ipAnonymisation: 'truncate',
        retentionDays: 35,
        apdexThresholdMs: 3000,
        maxProperties: 200,
        maxEventProperties: 20,
        freeTierProperties: 20,
      });
    } finally {
      await prisma.$disconnect();
    }
  });
});
