import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Registry } from 'prom-client';
import { createPrismaClient, type PrismaClient } from '@trailmark/db';
import { createIngest, type TCountryLookup, type TIngest } from '@trailmark/ingest';
import { createJobProducer, type TJobProducer } from '@trailmark/jobs';
import { createLogger } from '@trailmark/logger';
import { createApplication, defineProperty } from '@trailmark/services';
import { createTestDatabase, createTestRedisPrefix, type TTestDatabase, type TTestRedisPrefix } from '@trailmark/testing';
import { createApp } from '../src/create-app';
// The §7 example exactly as SPEC.md prints it.
import specBeacon from './fixtures/spec-beacon.json';

export const SPEC_BEACON = specBeacon;

export interface THarnessOptions {
  rateLimitPerSecond?: number;
  countries?: TCountryLookup;
  /** Point the collector's pg pool elsewhere (the store-away test's proxy). */
  collectorDatabaseUrl?: (url: string) => string;
  pgTimeoutMs?: number;
}

export interface THarness {
  url: string;
  database: TTestDatabase;
  redisPrefix: TTestRedisPrefix;
  prisma: PrismaClient;
  /** A direct pool for assertions. */
  sql: pg.Pool;
  redis: Redis;
  ingest: TIngest;
  createApp(origins?: string[], settings?: Record<string, unknown>): Promise<{ id: string; ingestKey: string }>;
  define(applicationId: string, definition: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startCollector(options: THarnessOptions = {}): Promise<THarness> {
  const database = await createTestDatabase();
  const redisPrefix = createTestRedisPrefix();
  const prisma = createPrismaClient(database.url);
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });
  const collectorUrl = options.collectorDatabaseUrl?.(database.url) ?? database.url;
  const timeout = options.pgTimeoutMs ?? 5000;
  const pool = new pg.Pool({ connectionString: collectorUrl, max: 4, connectionTimeoutMillis: timeout, query_timeout: timeout });
  pool.on('error', () => undefined);
  const redis = new Redis(redisPrefix.redisUrl, { enableAutoPipelining: true, maxRetriesPerRequest: 2 });
  const producer: TJobProducer = createJobProducer(redis, redisPrefix.prefix);
  const registry = new Registry();
  const logger = createLogger('collector-test', 'silent');
  const ingest = createIngest({
    db: pool,
    redis,
    producer,
    registry,
    logger,
    countries: options.countries,
    rateLimitPerSecond: options.rateLimitPerSecond ?? 10_000,
    redisPrefix: redisPrefix.prefix,
    dropFlushIntervalMs: 200,
  });
  const probes = { database: () => pool.query('SELECT 1'), redis: () => redis.ping() };
  const server: Server = createServer(createApp({ ingest, registry, probes, logger, trustProxy: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    database,
    redisPrefix,
    prisma,
    sql,
    redis,
    ingest,
    async createApp(origins = [], settings = {}) {
      const app = await createApplication(prisma, { name: `app ${Math.random().toString(36).slice(2, 8)}`, allowedOrigins: origins, settings });
      return { id: app.id, ingestKey: app.ingestKey };
    },
    async define(applicationId, definition) {
      await defineProperty(prisma, applicationId, definition);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ingest.drain();
      await producer.close();
      await redis.quit();
      await pool.end();
      await sql.end();
      await prisma.$disconnect();
      await redisPrefix.cleanup();
      await database.drop();
    },
  };
}

/** The §7 example beacon for an application, with fresh ids so suites do not collide. */
export function specBeaconFor(applicationId: string, session = `s-${Math.random().toString(36).slice(2, 10)}`, sentAt = Date.now()) {
  const beacon = structuredClone(SPEC_BEACON) as typeof SPEC_BEACON;
  const shift = sentAt - beacon.sent_at;
  return { ...beacon, app: applicationId, session, sent_at: sentAt, events: beacon.events.map((event) => ({ ...event, ts: event.ts + shift })) };
}

export interface TPostOptions {
  key?: string;
  keyIn?: 'query' | 'header';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export function postBeacon(url: string, beacon: unknown, options: TPostOptions = {}): Promise<Response> {
  const keyIn = options.keyIn ?? 'query';
  const query = options.key !== undefined && keyIn === 'query' ? `?key=${encodeURIComponent(options.key)}` : '';
  const headers: Record<string, string> = { 'content-type': 'text/plain;charset=UTF-8', ...options.headers };
  if (options.key !== undefined && keyIn === 'header') headers['x-trailmark-key'] = options.key;
  return fetch(`${url}/api/v1/beacon${query}`, { method: 'POST', headers, body: options.body ?? JSON.stringify(beacon) });
}

export interface TJsonBody {
  code?: string;
  issues: Array<{ path: string; rule: string; message: string }>;
  [field: string]: unknown;
}

export async function jsonOf(res: Response): Promise<TJsonBody> {
  return (await res.json()) as TJsonBody;
}
