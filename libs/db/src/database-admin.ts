import { TrailmarkError } from '@trailmark/errors';
import pg from 'pg';

const DUPLICATE_DATABASE = '42P04';
const INVALID_CATALOG_NAME = '3D000';

/** The database name a connection string points at. */
export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!name) throw new TrailmarkError('VALIDATION', `No database name in connection string`, { details: { databaseUrl: redactUrl(databaseUrl) } });
  return name;
}

/** The same server and credentials, pointed at another database (default: `postgres`). */
export function withDatabaseName(databaseUrl: string, name = 'postgres'): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

export function redactUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withAdminClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(databaseUrl) });
  try {
    await client.connect();
  } catch (error) {
    throw new TrailmarkError('STORE_UNAVAILABLE', `Cannot connect to PostgreSQL at ${redactUrl(withDatabaseName(databaseUrl))}`, { cause: error });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(databaseUrl: string): Promise<boolean> {
  const name = databaseNameOf(databaseUrl);
  return withAdminClient(databaseUrl, async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  });
}

export interface TCreateDatabaseOptions {
  /** Copy this database instead of `template1` (it must have no other connections). */
  template?: string;
}

/** Creates the database of `databaseUrl`; returns false when it already existed. */
export async function createDatabase(databaseUrl: string, options: TCreateDatabaseOptions = {}): Promise<boolean> {
  const name = databaseNameOf(databaseUrl);
  const template = options.template ? ` TEMPLATE ${quoteIdentifier(options.template)}` : '';
  return withAdminClient(databaseUrl, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}${template}`);
      return true;
    } catch (error) {
      if (pgErrorCode(error) === DUPLICATE_DATABASE) return false;
      throw error;
    }
  });
}

/** Drops the database of `databaseUrl` if it exists, closing other sessions on it first. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl);
  await withAdminClient(databaseUrl, async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    } catch (error) {
      if (pgErrorCode(error) !== INVALID_CATALOG_NAME) throw error;
    }
  });
}

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}
