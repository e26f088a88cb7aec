import pg from 'pg';
import { createTestDatabase, type TTestDatabase } from './test-database';

async function queryOne<T>(url: string, sql: string): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0] as T;
  } finally {
    await client.end();
  }
}

async function exists(url: string): Promise<boolean> {
  const name = new URL(url).pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  it('gives each caller its own migrated database cloned from the template', async () => {
    await (await createTestDatabase()).drop();
    const databases: TTestDatabase[] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
    try {
      expect(new Set(databases.map((db) => db.url)).size).toBe(3);
      for (const db of databases) {
        const row = await queryOne<{ applied: string }>(db.url, 'SELECT count(*) AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL');
        expect(Number(row.applied)).toBeGreaterThan(0);
        await queryOne(db.url, 'SELECT 1 FROM application LIMIT 1');
      }
    } finally {
      await Promise.all(databases.map((db) => db.drop()));
    }
    for (const db of databases) expect(await exists(db.url)).toBe(false);
  });

  it('drops a database even while a client is still connected to it', async () => {
    const db = await createTestDatabase();
    const client = new pg.Client({ connectionString: db.url });
    client.on('error', () => undefined);
    await client.connect();
    await db.drop();
    expect(await exists(db.url)).toBe(false);
    await client.end().catch(() => undefined);
  });
});
