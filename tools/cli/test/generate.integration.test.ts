import { freePort } from '@trailmark/testing';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { createPrismaClient } from '@trailmark/db';
import { createApplication, defineProperty } from '@trailmark/services';
import { createTestDatabase, createTestRedisPrefix, type TTestDatabase, type TTestRedisPrefix } from '@trailmark/testing';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(__dirname, '..', 'bin', 'trailmark.cjs');
const COLLECTOR_MAIN = join(ROOT, 'apps', 'collector', 'src', 'main.ts');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

jest.setTimeout(120_000);


async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`collector exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`collector not ready at ${url}:\n${output()}`);
}

interface TRun {
  code: number;
  stdout: string;
  stderr: string;
}

let database: TTestDatabase;
let redis: TTestRedisPrefix;
let collector: ChildProcess;
let collectorUrl = '';
let appId = '';

async function trailmark(...args: string[]): Promise<TRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: database.url }, timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  redis = createTestRedisPrefix();
  const db = createPrismaClient(database.url);
  try {
    const app = await createApplication(db, { name: 'Generated', allowedOrigins: ['https://shop.example'] });
    appId = app.id;
    const definitions = [
      { key: 'cart_value', dataType: 'double', scope: 'event' },
      { key: 'payment_method', dataType: 'string', scope: 'event' },
      { key: 'item_count', dataType: 'long', scope: 'event' },
      { key: 'is_logged_in', dataType: 'boolean', scope: 'both' },
      { key: 'loyalty_tier', dataType: 'string', scope: 'session' },
      { key: 'signup_date', dataType: 'date', scope: 'session' },
    ];
    for (const definition of definitions) await defineProperty(db, app.id, definition);
  } finally {
    await db.$disconnect();
  }
  const port = await freePort();
  collectorUrl = `http://127.0.0.1:${port}`;
  let output = '';
  collector = spawn(TSX, [COLLECTOR_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: redis.redisUrl,
      COLLECTOR_PORT: String(port),
      COLLECTOR_REDIS_PREFIX: redis.prefix,
      QUEUE_PREFIX: `{${redis.prefix}}`,
      TRAILMARK_SECRET: 'generate-integration-test-secret-0123456789',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  collector.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  collector.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitReady(collectorUrl, collector, () => output);
});

afterAll(async () => {
  if (collector && collector.exitCode === null) {
    const exited = new Promise((resolve) => collector.once('exit', resolve));
    collector.kill('SIGTERM');
    await exited;
  }
  await redis?.cleanup();
  await database?.drop();
});

describe('npx trailmark generate', () => {
  it('sends sessions through POST /api/v1/beacon and every event lands typed', async () => {
    const result = await trailmark('generate', '--app', appId, '--sessions', '40', '--days', '2', '--collector', collectorUrl, '--seed', 'it-1');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, number>;
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(['sessions', 'beacons', 'events', 'accepted', 'duplicates', 'dropped', 'rejected', 'seconds']));
    expect(summary).toMatchObject({ sessions: 40, rejected: 0, duplicates: 0 });
    expect(summary['accepted']).toBe(summary['events']);
    expect(summary['dropped']).toBeGreaterThan(0);

    const [stored] = await query<{ events: string; sessions: string; oldest: Date; newest: Date }>(
      'SELECT count(*) AS events, count(DISTINCT session_id) AS sessions, min(ts) AS oldest, max(ts) AS newest FROM event WHERE application_id = $1',
      [appId],
    );
    expect(Number(stored?.events)).toBe(summary['events']);
    expect(Number(stored?.sessions)).toBe(40);
    // Spread over the two days, not squashed to now by the clock correction.
    expect(Date.now() - (stored?.oldest.getTime() ?? 0)).toBeGreaterThan(86_400_000);
    expect(stored?.newest.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);

    const typed = await query<{ cart: string; items: string; logged: string }>(
      `SELECT count(*) FILTER (WHERE jsonb_typeof(properties->'cart_value') = 'number') AS cart,
              count(*) FILTER (WHERE jsonb_typeof(properties->'item_count') = 'number') AS items,
              count(*) FILTER (WHERE jsonb_typeof(properties->'is_logged_in') = 'boolean') AS logged
         FROM event WHERE application_id = $1`,
      [appId],
    );
    for (const count of Object.values(typed[0] ?? {})) expect(Number(count)).toBeGreaterThan(0);
    // Drop counters reach the store on the collector's next flush (every second).
    const reasonsSeen = async () => (await query<{ reason: string }>('SELECT DISTINCT reason FROM drop_counter WHERE application_id = $1', [appId])).map((row) => row.reason);
    const deadline = Date.now() + 10_000;
    let reasons = await reasonsSeen();
    while (!(reasons.includes('undefined_key') && reasons.includes('type_mismatch')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      reasons = await reasonsSeen();
    }
    expect(reasons).toEqual(expect.arrayContaining(['undefined_key', 'type_mismatch']));
  });

  it('is reproducible: the same seed again is all duplicates', async () => {
    const result = await trailmark('generate', '--app', appId, '--sessions', '5', '--days', '2', '--collector', collectorUrl, '--seed', 'it-1');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, number>;
    expect(summary['accepted']).toBe(0);
    expect(summary['duplicates']).toBe(summary['events']);
  });

  it('fails clearly for an unknown application', async () => {
    const result = await trailmark('generate', '--app', 'no-such-app', '--sessions', '1', '--collector', collectorUrl);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/no application no-such-app/);
    expect(result.stdout).toBe('');
  });

  it('fails clearly when the collector is unreachable', async () => {
    const result = await trailmark('generate', '--app', appId, '--sessions', '1', '--collector', `http://127.0.0.1:${await freePort()}`);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/collector unreachable at http:\/\/127\.0\.0\.1:\d+/);
  });
});
