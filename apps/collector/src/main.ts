import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { createPrismaClient } from '@trailmark/db';
import { createIngest, openCountryLookup, NO_COUNTRY_LOOKUP } from '@trailmark/ingest';
import { createJobProducer } from '@trailmark/jobs';
import { createLogger, type Logger } from '@trailmark/logger';
import { installGracefulShutdown } from '@trailmark/runtime';
import { runClustered } from './cluster';
import { clusterMetricsReader } from './cluster-metrics';
import { createApp } from './create-app';
import { readEnv, type TCollectorAppEnv } from './env';

// createPgPool has no timeout options; the collector needs them so a hung store yields 503s, not hung beacons.
function createPool(env: TCollectorAppEnv, logger: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.COLLECTOR_PG_POOL_SIZE,
    connectionTimeoutMillis: env.COLLECTOR_PG_TIMEOUT_MS,
    query_timeout: env.COLLECTOR_PG_TIMEOUT_MS,
    application_name: 'trailmark-collector',
  });
  pool.on('error', (error) => logger.warn({ err: error }, 'idle Postgres connection failed'));
  return pool;
}

function createRedis(env: TCollectorAppEnv, logger: Logger): Redis {
  // Auto-pipelining turns a batch's concurrent close-job schedules into one round trip.
  const redis = new Redis(env.REDIS_URL, { enableAutoPipelining: true, maxRetriesPerRequest: 2, lazyConnect: false });
  redis.on('error', (error) => logger.warn({ err: error }, 'Redis connection error'));
  return redis;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

/** Stops accepting; in-flight beacons still get their answer. */
function closeServer(server: Server, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

async function main(): Promise<void> {
  const env = readEnv();
  const logger = createLogger('collector', env.LOG_LEVEL);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  const pool = createPool(env, logger);
  const redis = createRedis(env, logger);
  const producer = createJobProducer(redis, env.QUEUE_PREFIX);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const ingest = createIngest({
    db: pool,
    redis,
    producer,
    registry,
    logger,
    countries: env.GEOIP_DB ? await openCountryLookup(env.GEOIP_DB) : NO_COUNTRY_LOOKUP,
    rateLimitPerSecond: env.COLLECTOR_RATE_LIMIT_PER_SEC,
    redisPrefix: env.COLLECTOR_REDIS_PREFIX,
    processes: env.COLLECTOR_WORKERS,
    writer: { windowMs: env.COLLECTOR_COMMIT_WINDOW_MS, maxInFlight: env.COLLECTOR_COMMIT_CONCURRENCY },
  });
  const probes = { database: () => pool.query('SELECT 1'), redis: () => redis.ping() };
  // Queries get their own pool without the ingest pool's short client timeout: the statement timeout governs them.
  // JIT compilation took 0.2–2.4 s of the slowest bench:usql plans; analytics run without it.
  const queryPool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4, application_name: 'trailmark-usql', options: '-c jit=off' });
  queryPool.on('error', (error) => logger.warn({ err: error }, 'idle Postgres connection failed'));
  const db = createPrismaClient(env.DATABASE_URL);
  const usql = { db, pool: queryPool, redis, redisPrefix: env.COLLECTOR_REDIS_PREFIX };
  const metricsText = cluster.isWorker ? clusterMetricsReader(registry) : undefined;
  const app = createApp({ ingest, registry, metricsText, probes, logger, trustProxy: env.COLLECTOR_TRUST_PROXY, usql });
  // headersTimeout must exceed keepAliveTimeout, or node may drop a reused socket's next request.
  const http = createServer({ keepAliveTimeout: env.COLLECTOR_KEEP_ALIVE_MS, headersTimeout: env.COLLECTOR_KEEP_ALIVE_MS + 1000 }, app);
  await listen(http, env.COLLECTOR_HOST, env.COLLECTOR_PORT);
  logger.info({ host: env.COLLECTOR_HOST, port: env.COLLECTOR_PORT }, 'collector listening');
  installGracefulShutdown(logger, [
    { name: 'http', close: () => closeServer(http) },
    { name: 'ingest', close: () => ingest.drain() },
    { name: 'jobs', close: () => producer.close() },
    { name: 'redis', close: () => redis.quit() },
    { name: 'postgres', close: () => Promise.all([pool.end(), queryPool.end(), db.$disconnect()]) },
  ]);
}

function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

let workers = 1;
try {
  workers = readEnv().COLLECTOR_WORKERS;
} catch (error) {
  fail(error);
}
runClustered(main, { workers, log: (message, fields) => console.error(JSON.stringify({ msg: message, ...fields })) }).catch(fail);
