import { TrailmarkError } from '@trailmark/errors';
import { loadAppConfig, readConfigStamp, type TAppConfig } from './app-config';
import type { TQueryable } from './queryable';

export interface TConfigCacheOptions {
  db: TQueryable;
  /** How often one application's config_version is re-read (at most once per interval). */
  checkIntervalMs?: number;
  now?: () => number;
}

export interface TConfigCache {
  byIngestKey(ingestKey: string): Promise<TAppConfig | null>;
  byApplicationId(applicationId: string): Promise<TAppConfig | null>;
}

interface TEntry {
  config: TAppConfig;
  checkedAt: number;
  checking?: Promise<TAppConfig | null>;
}

const MAX_NEGATIVE_ENTRIES = 10_000;

export function storeUnavailable(cause: unknown): TrailmarkError {
  return new TrailmarkError('STORE_UNAVAILABLE', 'the event store is unavailable; retry later', { cause, details: { retryAfterSeconds: 2 } });
}

/**
 * Per-application config, kept fresh by a version check: the first request after the interval
 * re-reads `application.config_version` (single-flight) and reloads only when it moved. Every
 * change the collector caches bumps that version, so a change is seen within one interval on
 * every collector instance, without a pub/sub channel to keep alive.
 */
export function createConfigCache(options: TConfigCacheOptions): TConfigCache {
  const { db } = options;
  const interval = options.checkIntervalMs ?? 1000;
  const now = options.now ?? Date.now;
  const byId = new Map<string, TEntry>();
  const idByKey = new Map<string, string>();
  const unknownUntil = new Map<string, number>();
  const loading = new Map<string, Promise<TAppConfig | null>>();

  const remember = (config: TAppConfig): TAppConfig => {
    const previous = byId.get(config.applicationId);
    if (previous && previous.config.ingestKey !== config.ingestKey) idByKey.delete(previous.config.ingestKey);
    byId.set(config.applicationId, { config, checkedAt: now() });
    idByKey.set(config.ingestKey, config.applicationId);
    return config;
  };

  const forget = (entry: TEntry): null => {
    byId.delete(entry.config.applicationId);
    idByKey.delete(entry.config.ingestKey);
    return null;
  };

  async function revalidate(entry: TEntry): Promise<TAppConfig | null> {
    try {
      const stamp = await readConfigStamp(db, entry.config.applicationId);
      if (!stamp) return forget(entry);
      if (stamp.configVersion === entry.config.configVersion && stamp.ingestKey === entry.config.ingestKey) {
        entry.checkedAt = now();
        return entry.config;
      }
      const fresh = await loadAppConfig(db, 'id', entry.config.applicationId);
      if (!fresh) return forget(entry);
      if (fresh.ingestKey !== entry.config.ingestKey) idByKey.delete(entry.config.ingestKey);
      return remember(fresh);
    } catch {
      // The store is down: keep serving the cached config; the commit will answer 503 anyway.
      entry.checkedAt = now();
      return entry.config;
    }
  }

  function fresh(entry: TEntry): Promise<TAppConfig | null> | TAppConfig {
    if (now() - entry.checkedAt < interval) return entry.config;
    entry.checking ??= revalidate(entry).finally(() => {
      entry.checking = undefined;
    });
    return entry.checking;
  }

  async function load(by: 'id' | 'ingest_key', value: string): Promise<TAppConfig | null> {
    const cacheKey = `${by}:${value}`;
    const until = unknownUntil.get(cacheKey);
    if (until !== undefined && until > now()) return null;
    let pending = loading.get(cacheKey);
    if (!pending) {
      pending = loadAppConfig(db, by, value)
        .then((config) => {
          if (config) return remember(config);
          if (unknownUntil.size >= MAX_NEGATIVE_ENTRIES) unknownUntil.clear();
          unknownUntil.set(cacheKey, now() + interval);
          return null;
        })
        .catch((error: unknown) => {
          throw storeUnavailable(error);
        })
        .finally(() => loading.delete(cacheKey));
      loading.set(cacheKey, pending);
    }
    return pending;
  }

  return {
    async byIngestKey(ingestKey) {
      const id = idByKey.get(ingestKey);
      const entry = id === undefined ? undefined : byId.get(id);
      const config = entry ? await fresh(entry) : await load('ingest_key', ingestKey);
      return config && config.ingestKey === ingestKey ? config : null;
    },
    async byApplicationId(applicationId) {
      const entry = byId.get(applicationId);
      return entry ? fresh(entry) : load('id', applicationId);
    },
  };
}
