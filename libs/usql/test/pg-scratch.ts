import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TScratchDatabase {
  client: Client;
  drop(): Promise<void>;
}

/** A throw-away database with the storage tables of docs/storage.md, dropped by `drop()`. */
export async function createScratchDatabase(): Promise<TScratchDatabase> {
  const name = `usql_it_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const client = new Client({ connectionString: ADMIN_URL.replace(/\/postgres$/, `/${name}`) });
  await client.connect();
  await client.query(readFileSync(join(__dirname, 'fixtures', 'schema.sql'), 'utf8'));
  return {
    client,
    drop: async () => {
      await client.end();
      const cleanup = new Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export interface TSessionRow {
  application_id: string;
  session_id: string;
  start_time: number;
  [column: string]: unknown;
}

export interface TChildRow {
  application_id: string;
  session_id: string;
  event_id: string;
  session_start_time: number;
  [column: string]: unknown;
}

const DATE_COLUMNS = new Set(['start_time', 'end_time', 'session_start_time', 'closed_at']);

/** Inserts rows given as plain objects; date columns are epoch ms, jsonb columns plain objects. */
export async function insertRows(client: Client, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (const row of rows) {
    const columns = Object.keys(row);
    const values = columns.map((column) => {
      const value = row[column];
      if (DATE_COLUMNS.has(column) && typeof value === 'number') return new Date(value).toISOString();
      if (column === 'properties') return JSON.stringify(value ?? {});
      return value;
    });
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      values,
    );
  }
}
