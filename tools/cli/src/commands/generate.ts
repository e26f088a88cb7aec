import { randomBytes } from 'node:crypto';
import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { loadEnv } from '@trailmark/config';
import { getApplication, listProperties } from '@trailmark/services';
import { generateTraffic, stampSentAt } from '@trailmark/traffic';
import type { TGeneratedSession, TTrafficPropertyDefinition } from '@trailmark/traffic';
import type { TBeacon } from '@trailmark/semantic-model';
import { withDatabase } from '../context';
import { printJson } from '../output';

const ZGenerateEnv = z.object({ COLLECTOR_PORT: z.coerce.number().int().min(1).max(65_535).default(8080) });

/** How long to wait at most between retries of a 429/503, whatever Retry-After says. */
const MAX_RETRY_WAIT_MS = 30_000;
const MAX_BUSY_RETRIES = 20;
const MAX_NETWORK_RETRIES = 4;
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_REPORTED_REJECTIONS = 5;

export interface TGenerateOptions {
  app: string;
  sessions: number;
  days: number;
  collector?: string;
  concurrency: number;
  seed?: string;
}

export interface TGenerateResult {
  sessions: number;
  beacons: number;
  events: number;
  accepted: number;
  duplicates: number;
  dropped: number;
  rejected: number;
  seconds: number;
  seed: string;
}

interface TTarget {
  beaconUrl: string;
  healthUrl: string;
}

interface TCounters {
  beacons: number;
  events: number;
  accepted: number;
  duplicates: number;
  dropped: number;
  rejected: number;
  rejections: string[];
}

class CollectorUnreachableError extends Error {}

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive whole number');
  return parsed;
}

function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a positive number');
  return parsed;
}

function targetOf(collector: string, ingestKey: string): TTarget {
  let base: URL;
  try {
    base = new URL(collector);
  } catch {
    throw new InvalidArgumentError(`--collector must be a URL, got ${collector}`);
  }
  const root = base.href.replace(/\/+$/, '');
  return { beaconUrl: `${root}/api/v1/beacon?key=${encodeURIComponent(ingestKey)}`, healthUrl: `${root}/healthz` };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After in seconds or as an HTTP date; 1 s when absent or unreadable. */
function retryAfterMs(header: string | null): number {
  if (!header) return 1000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Math.min(MAX_RETRY_WAIT_MS, Math.max(100, Number.isFinite(ms) ? ms : 1000));
}

/** Any HTTP answer means the collector is there; only a network failure is "unreachable". */
async function checkReachable(target: TTarget, collector: string): Promise<void> {
  try {
    const response = await fetch(target.healthUrl, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
  } catch (error) {
    throw new CollectorUnreachableError(`collector unreachable at ${collector}: ${causeOf(error)}`);
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

async function post(target: TTarget, session: TGeneratedSession, beacon: TBeacon, contentType: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(target.beaconUrl, {
        method: 'POST',
        headers: { 'content-type': contentType, 'user-agent': session.userAgent, 'x-forwarded-for': session.clientIp },
        // sent_at is the moment the batch leaves, as the SDK sets it (see stampSentAt).
        body: JSON.stringify(stampSentAt(beacon, Date.now())),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      if (attempt >= MAX_NETWORK_RETRIES) throw new CollectorUnreachableError(`collector unreachable at ${target.beaconUrl.split('/api/')[0]}: ${causeOf(error)}`);
      await sleep(200 * 2 ** attempt);
    }
  }
}

/** Sends one beacon as the SDK would: retries 429/503 after Retry-After, counts the 202 body. */
async function sendBeacon(target: TTarget, session: TGeneratedSession, beacon: TBeacon, counters: TCounters): Promise<void> {
  const contentType = beacon.seq % 3 === 0 ? 'application/json' : 'text/plain;charset=UTF-8';
  counters.beacons += 1;
  counters.events += beacon.events.length;
  for (let attempt = 0; ; attempt++) {
    const response = await post(target, session, beacon, contentType);
    const text = await response.text();
    if (response.status === 202) {
      const body = JSON.parse(text) as { accepted?: number; duplicates?: number; dropped?: unknown[] };
      counters.accepted += body.accepted ?? 0;
      counters.duplicates += body.duplicates ?? 0;
      counters.dropped += Array.isArray(body.dropped) ? body.dropped.length : 0;
      return;
    }
    if ((response.status === 429 || response.status === 503) && attempt < MAX_BUSY_RETRIES) {
      await sleep(retryAfterMs(response.headers.get('retry-after')));
      continue;
    }
    counters.rejected += 1;
    if (counters.rejections.length < MAX_REPORTED_REJECTIONS) counters.rejections.push(`${response.status} ${text.slice(0, 300)}`);
    return;
  }
}

/** Sessions run in parallel; the beacons of one session go in seq order, one after the other. */
async function sendAll(target: TTarget, sessions: Iterator<TGeneratedSession>, concurrency: number, counters: TCounters): Promise<number> {
  let sent = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined) {
      const next = sessions.next();
      if (next.done) return;
      sent += 1;
      try {
        for (const beacon of next.value.beacons) await sendBeacon(target, next.value, beacon, counters);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failure !== undefined) throw failure;
  return sent;
}

export async function runGenerate(options: TGenerateOptions): Promise<TGenerateResult> {
  const collector = options.collector ?? `http://127.0.0.1:${loadEnv(ZGenerateEnv).COLLECTOR_PORT}`;
  const { app, definitions } = await withDatabase(async (db) => {
    const application = await getApplication(db, options.app);
    const list = await listProperties(db, options.app);
    return { app: application, definitions: list.definitions };
  });
  const target = targetOf(collector, app.ingestKey);
  await checkReachable(target, collector);
  const seed = options.seed ?? randomBytes(6).toString('hex');
  const started = performance.now();
  const traffic = generateTraffic({
    applicationId: app.id,
    definitions: definitions as TTrafficPropertyDefinition[],
    sessions: options.sessions,
    days: options.days,
    now: Date.now(),
    seed,
  });
  const counters: TCounters = { beacons: 0, events: 0, accepted: 0, duplicates: 0, dropped: 0, rejected: 0, rejections: [] };
  const sessions = await sendAll(target, traffic, options.concurrency, counters);
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  const { rejections, ...counts } = counters;
  const result = { sessions, ...counts, seconds, seed };
  if (rejections.length > 0) {
    printJson(result);
    throw new Error(`the collector rejected ${counters.rejected} of ${counters.beacons} beacons; first answers:\n  ${rejections.join('\n  ')}`);
  }
  return result;
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('send synthetic, realistic traffic through the real ingest path (POST /api/v1/beacon)')
    .requiredOption('--app <id>', 'application id')
    .requiredOption('--sessions <n>', 'number of sessions', positiveInt)
    .option('--days <d>', 'spread sessions over this many days back from now', positiveNumber, 1)
    .option('--collector <url>', 'collector base URL (default http://127.0.0.1:$COLLECTOR_PORT)')
    .option('--concurrency <c>', 'sessions sent in parallel', positiveInt, 8)
    .option('--seed <seed>', 'seed for reproducible traffic (same seed: same ids, so a rerun is all duplicates)')
    .action(async (options: TGenerateOptions) => printJson(await runGenerate(options)));
}
