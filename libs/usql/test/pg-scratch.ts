import { Client } from 'pg';
import { createTestDatabase } from '@trailmark/testing';

export interface TScratchDatabase {
  client: Client;
  drop(): Promise<void>;
}

/**
 * A throw-away database migrated with the real Prisma migrations (libs/db), so these tests read
 * exactly the tables the worker writes. Dropped by `drop()`.
 */
export async function createScratchDatabase(): Promise<TScratchDatabase> {
  const database = await createTestDatabase();
  const client = new Client({ connectionString: database.url });
  await client.connect();
  return {
    client,
    drop: async () => {
      await client.end();
      await database.drop();
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
