import type { PrismaClient } from '@trailmark/db';
import { TrailmarkError } from '@trailmark/errors';
import { UsqlError } from '@trailmark/usql';
import type pg from 'pg';

/** Runs one generated SELECT read-only under a statement timeout; rows come back as arrays. */
export interface TUsqlExecutor {
  runReadOnly(statement: { sql: string; params: readonly unknown[]; columnCount: number }, timeoutMs: number): Promise<unknown[][]>;
}

const QUERY_CANCELED = '57014';
const CONNECTION_CODES = /^(08|57P0[123]|53)/;

function textOf(error: unknown): string {
  if (error instanceof Error) return `${error.message} ${textOf((error as { cause?: unknown }).cause ?? '')}`;
  return typeof error === 'string' ? error : '';
}

function pgCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const candidate = current as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { code?: unknown } };
    for (const code of [candidate.originalCode, candidate.code, candidate.meta?.code]) {
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    }
    current = candidate.cause;
  }
  return undefined;
}

/** Store failures become our codes: a cancelled statement is a TIMEOUT, a lost store STORE_UNAVAILABLE. */
export function mapStoreError(error: unknown, timeoutMs: number): TrailmarkError {
  if (error instanceof TrailmarkError) return error;
  const code = pgCodeOf(error);
  const text = textOf(error);
  if (code === QUERY_CANCELED || /statement timeout|query read timeout/i.test(text)) {
    return new TrailmarkError('TIMEOUT', `the query took longer than ${timeoutMs / 1000} s; narrow the time frame or the conditions`, { cause: error });
  }
  // Class 22 (data exception): a value of the query the store cannot take, e.g. a number beyond bigint.
  if (code?.startsWith('22')) {
    const detail = error instanceof Error ? error.message : 'invalid value';
    return new UsqlError('USQL_TYPE', `a value in the query is out of range for the store: ${detail}`, { line: 1, column: 1, offset: 0 });
  }
  if ((code && CONNECTION_CODES.test(code)) || /ECONNREFUSED|ECONNRESET|connection terminated|timeout exceeded when trying to connect/i.test(text)) {
    return new TrailmarkError('STORE_UNAVAILABLE', 'the session store is not reachable', { cause: error });
  }
  return new TrailmarkError('INTERNAL', 'the query failed in the store', { cause: error });
}

function timeoutSetting(timeoutMs: number): string {
  const ms = Math.trunc(timeoutMs);
  if (!Number.isSafeInteger(ms) || ms < 1) throw new TrailmarkError('INTERNAL', `bad statement timeout ${timeoutMs}`);
  return `SET LOCAL statement_timeout = ${ms}`;
}

/** The REST path: a plain pg pool, one connection per query, `BEGIN READ ONLY`. */
export function createPgExecutor(pool: pg.Pool): TUsqlExecutor {
  return {
    async runReadOnly(statement, timeoutMs) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw mapStoreError(error, timeoutMs);
      }
      let broken: Error | undefined;
      try {
        await client.query('BEGIN READ ONLY');
        await client.query(timeoutSetting(timeoutMs));
        const result = await client.query<unknown[]>({ text: statement.sql, values: [...statement.params], rowMode: 'array' });
        await client.query('COMMIT');
        return result.rows;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed');
        });
        throw mapStoreError(error, timeoutMs);
      } finally {
        client.release(broken);
      }
    },
  };
}

/**
 * The console path: the API context only holds a Prisma client, so the statement runs in an
 * interactive Prisma transaction made read-only first. Output columns are `c0..cN`.
 */
export function createPrismaExecutor(db: PrismaClient): TUsqlExecutor {
  return {
    async runReadOnly(statement, timeoutMs) {
      try {
        return await db.$transaction(
          async (tx) => {
            await tx.$executeRawUnsafe('SET TRANSACTION READ ONLY');
            await tx.$executeRawUnsafe(timeoutSetting(timeoutMs));
            const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(statement.sql, ...statement.params);
            return rows.map((row) => Array.from({ length: statement.columnCount }, (_, index) => row[`c${index}`] ?? null));
          },
          { maxWait: 5000, timeout: timeoutMs + 5000 },
        );
      } catch (error) {
        throw mapStoreError(error, timeoutMs);
      }
    },
  };
}
