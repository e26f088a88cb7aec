import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { TJobProducer } from '@trailmark/jobs';
import type { Logger } from '@trailmark/logger';
import { createConfigCache, type TConfigCache } from './config-cache';
import { createDropCounters, type TDropCounters } from './drop-counters';
import { NO_COUNTRY_LOOKUP, type TCountryLookup } from './geoip';
import { createEventWriter, type TEventStore, type TEventWriter, type TWriterOptions } from './group-commit-writer';
import { createIngestMetrics, type TIngestMetrics } from './ingest-metrics';
import { createIngestPipeline, type TIngestPipeline } from './ingest-pipeline';
import { createApplicationRateLimiter } from './rate-limit';
import { createSessionTracker } from './session-tracker';

export interface TIngestOptions {
  db: TEventStore;
  redis: Redis;
  producer: TJobProducer;
  registry: Registry;
  logger: Logger;
  countries?: TCountryLookup;
  /** Beacons per second per application. */
  rateLimitPerSecond?: number;
  /** Redis key prefix of the rate limiter (tests isolate themselves with it). */
  redisPrefix?: string;
  /** Collector processes on this host (cluster workers) sharing the rate limit between syncs. */
  processes?: number;
  configCheckIntervalMs?: number;
  dropFlushIntervalMs?: number;
  writer?: Pick<TWriterOptions, 'windowMs' | 'maxBatchRows' | 'maxInFlight'>;
}

export interface TIngest {
  pipeline: TIngestPipeline;
  configs: TConfigCache;
  writer: TEventWriter;
  drops: TDropCounters;
  metrics: TIngestMetrics;
  /** Commits what waits, lets session tracking finish and flushes the drop counters. */
  drain(): Promise<void>;
}

/** Wires the ingest path from its stores; the collector app and the tests share this. */
export function createIngest(options: TIngestOptions): TIngest {
  const metrics = createIngestMetrics(options.registry);
  const tracker = createSessionTracker(options.producer, {
    onScheduled: (reason) => metrics.sessionCloseSchedules.inc({ reason }),
    onError: (error) => {
      metrics.sessionTrackingErrors.inc();
      options.logger.warn({ err: error }, 'could not schedule a session close');
    },
  });
  const tracking = new Set<Promise<void>>();
  const writer = createEventWriter({
    db: options.db,
    ...options.writer,
    onBatch: ({ rows, beacons, ms, ok, path }) => {
      metrics.batchRows.observe(rows);
      metrics.batchBeacons.observe(beacons);
      metrics.commitSeconds.observe({ outcome: ok ? 'ok' : 'error' }, ms / 1000);
      if (path) metrics.commits.inc({ path });
    },
    onCommitted: (sessions) => {
      const job = tracker.track(sessions).finally(() => tracking.delete(job));
      tracking.add(job);
    },
  });
  const drops = createDropCounters(options.db, { onOverflow: (n) => metrics.dropCounterOverflow.inc(n) });
  drops.start(options.dropFlushIntervalMs);
  const configs = createConfigCache({ db: options.db, checkIntervalMs: options.configCheckIntervalMs });
  const rateLimiter = createApplicationRateLimiter({
    redis: options.redis,
    keyPrefix: `${options.redisPrefix ?? 'trailmark'}:ratelimit:beacon`,
    points: options.rateLimitPerSecond ?? 5000,
    processes: options.processes,
  });
  const pipeline = createIngestPipeline({ configs, writer, drops, rateLimiter, countries: options.countries ?? NO_COUNTRY_LOOKUP, metrics });
  return {
    pipeline,
    configs,
    writer,
    drops,
    metrics,
    async drain() {
      await writer.flush();
      await Promise.allSettled([...tracking]);
      await rateLimiter.close();
      await drops.stop();
    },
  };
}
