import { TrailmarkError } from '@trailmark/errors';
import { parseBeacon } from '@trailmark/semantic-model';
import { anonymiseIp } from './anonymise-ip';
import type { TAppConfig } from './app-config';
import type { TConfigCache } from './config-cache';
import { checkContentEncoding, checkContentType, decodeUtf8, inflateBody } from './decode-body';
import type { TDropCounters } from './drop-counters';
import type { TCountryLookup } from './geoip';
import type { TEventWriter } from './group-commit-writer';
import type { TIngestMetrics } from './ingest-metrics';
import { parseJsonBody } from './parse-json';
import { prepareBeacon, type TDroppedProperty, type TEventRow } from './prepare-beacon';
import type { TApplicationRateLimiter } from './rate-limit';
import { truncateUserAgent } from './user-agent';

export interface TIngestDeps {
  configs: TConfigCache;
  writer: TEventWriter;
  drops: TDropCounters;
  rateLimiter: TApplicationRateLimiter;
  countries: TCountryLookup;
  metrics: TIngestMetrics;
  now?: () => number;
}

export interface TBeaconInput {
  contentType: string | undefined;
  contentEncoding: string | undefined;
  /** The raw body as received (possibly gzip), already capped by the HTTP layer. */
  body: Buffer;
  /** The client address, normalised, before anonymisation. */
  ip: string | null;
  userAgent: string | undefined;
  receivedAt: number;
}

export interface TBeaconAnswer {
  accepted: number;
  duplicates: number;
  dropped: TDroppedProperty[];
}

export interface TIngestPipeline {
  /** 401 for a missing, unknown or revoked (rotated) key. */
  authenticate(ingestKey: string | undefined): Promise<TAppConfig>;
  /** Checks the request shape before the body is read: 415 and 429 cost no body parsing. */
  admit(config: TAppConfig, input: Pick<TBeaconInput, 'contentType' | 'contentEncoding'>): Promise<void>;
  ingest(config: TAppConfig, input: TBeaconInput): Promise<TBeaconAnswer>;
}

function unauthenticated(message: string, path = 'key'): TrailmarkError {
  return new TrailmarkError('UNAUTHENTICATED', message, { issues: [{ path, rule: 'ingest_key', message }] });
}

export function createIngestPipeline(deps: TIngestDeps): TIngestPipeline {
  return {
    async authenticate(ingestKey) {
      if (!ingestKey) throw unauthenticated('an ingest key is required in ?key= or the x-trailmark-key header');
      const config = await deps.configs.byIngestKey(ingestKey);
      if (!config) throw unauthenticated('unknown or revoked ingest key');
      return config;
    },
    async admit(config, input) {
      checkContentType(input.contentType);
      checkContentEncoding(input.contentEncoding);
      await deps.rateLimiter.consume(config.applicationId);
    },
    async ingest(config, input) {
      const isGzip = checkContentEncoding(input.contentEncoding);
      const text = decodeUtf8(await inflateBody(input.body, isGzip));
      const parsed = parseBeacon(parseJsonBody(text));
      if (!parsed.ok) throw new TrailmarkError('VALIDATION', 'the beacon does not match protocol v1', { issues: parsed.issues });
      if (parsed.beacon.app !== config.applicationId) throw unauthenticated('the ingest key does not belong to the beacon\'s application', 'app');
      const prepared = prepareBeacon(parsed.beacon, config, {
        receivedAt: input.receivedAt,
        ua: truncateUserAgent(input.userAgent),
        ip: anonymiseIp(input.ip, config.ipAnonymisation),
        country: input.ip === null ? null : deps.countries.countryOf(input.ip),
      });
      const result = await deps.writer.write(prepared.rows, prepared.session);
      countAccepted(deps, config.applicationId, result.accepted, result.duplicates);
      return { accepted: result.accepted.length, duplicates: result.duplicates, dropped: prepared.dropped };
    },
  };
}

// Only newly stored events count their drops: a retried beacon must not count them twice.
function countAccepted(deps: TIngestDeps, applicationId: string, accepted: readonly TEventRow[], duplicates: number): void {
  deps.metrics.acceptedEvents.inc({ application: applicationId }, accepted.length);
  if (duplicates > 0) deps.metrics.duplicateEvents.inc({ application: applicationId }, duplicates);
  for (const row of accepted) {
    if (row.drops.length === 0) continue;
    deps.drops.add(applicationId, row.drops);
    for (const drop of row.drops) deps.metrics.droppedProperties.inc({ reason: drop.reason });
  }
}
