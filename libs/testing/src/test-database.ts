import { randomBytes } from 'node:crypto';
import {
  DEFAULT_PRISMA_PATHS,
  createDatabase,
  dropDatabase,
  fingerprintMigrations,
  migrateDatabase,
  withDatabaseName,
} from '@trailmark/db';
import pg from 'pg';

const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
const TEMPLATE_PREFIX = 'trailmark_tpl_';
// Any constant works; it only has to be the same in every Jest worker on the machine.
const TEMPLATE_LOCK_KEY = 7_412_330_001;
// Other checkouts on the machine may still use an older migration set's template for a while.
const STALE_TEMPLATE_MS = 7 * 24 * 60 * 60 * 1000;

export interface TTestDatabase {
  /** Connection string of a fresh, migrated database of its own. */
  url: string;
  drop(): Promise<void>;
}

let templateReady: Promise<string> | undefined;

function adminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
}

function uniqueSuffix(): string {
  return `${process.pid}_${randomBytes(5).toString('hex')}`;
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropStaleTemplates(client: pg.Client, keep: string): Promise<void> {
  const others = await client.query<{ datname: string; built_at: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS built_at
       FROM pg_database WHERE datname LIKE $1 AND datname <> $2`,
    [`${TEMPLATE_PREFIX}%`, keep],
  );
  const cutoff = Date.now() - STALE_TEMPLATE_MS;
  const stale = others.rows.filter((row) => !(Date.parse(row.built_at ?? '') > cutoff));
  for (const { datname } of stale) {
    await client.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`);
    await dropDatabase(withDatabaseName(adminUrl(), datname));
  }
}

/** Migrates under another name and renames, so a crash never leaves a half-built template. */
async function buildTemplate(client: pg.Client, name: string): Promise<void> {
  const buildName = `trailmark_tplbuild_${uniqueSuffix()}`;
  const buildUrl = withDatabaseName(adminUrl(), buildName);
  try {
    await migrateDatabase(buildUrl);
    await client.query(`ALTER DATABASE "${buildName}" RENAME TO "${name}"`);
    await client.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    await client.query(`COMMENT ON DATABASE "${name}" IS '${new Date().toISOString()}'`);
  } catch (error) {
    await dropDatabase(buildUrl);
    throw error;
  }
}

async function ensureTemplate(): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${fingerprintMigrations(DEFAULT_PRISMA_PATHS.migrationsDir)}`;
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) {
        await dropStaleTemplates(client, name);
        await buildTemplate(client, name);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
  return name;
}

function templateName(): Promise<string> {
  templateReady ??= ensureTemplate().catch((error: unknown) => {
    templateReady = undefined;
    throw error;
  });
  return templateReady;
}

/**
 * A fresh database with every migration applied, copied from a template that is migrated once
 * per machine and migration set. Drop it in `afterAll`.
 */
export async function createTestDatabase(): Promise<TTestDatabase> {
  const template = await templateName();
  const url = withDatabaseName(adminUrl(), `trailmark_test_${uniqueSuffix()}`);
  await createDatabase(url, { template });
  return { url, drop: () => dropDatabase(url) };
}
