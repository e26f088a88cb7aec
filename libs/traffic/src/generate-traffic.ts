import type { TBeacon } from '@trailmark/semantic-model';
import { generateSession } from './generate-session';
import type { TGeneratedSession, TSessionContext } from './generate-session';
import { DEFAULT_NOISE, planProperties } from './property-values';
import type { TPropertyNoise, TTrafficPropertyDefinition } from './property-values';
import { createRandom } from './random';
import type { TRandom } from './random';

export const DAY_MS = 86_400_000;

export interface TTrafficOptions {
  applicationId: string;
  /** The application's live definitions; values are generated for every one of them. */
  definitions: readonly TTrafficPropertyDefinition[];
  sessions: number;
  /** Sessions start within this many days before `now` (fractions allowed). */
  days: number;
  /** Epoch ms the window ends at; every timestamp is ≤ now. */
  now: number;
  seed: string | number;
  /** Site origin the page URLs are on. */
  origin?: string;
  noise?: TPropertyNoise;
}

/** Busier in the (UTC) afternoon and evening, quiet at night, like a shop's real traffic. */
function dailyWeight(ts: number): number {
  const hour = new Date(ts).getUTCHours() + new Date(ts).getUTCMinutes() / 60;
  return 0.25 + 0.75 * (0.5 - 0.5 * Math.cos((2 * Math.PI * (hour - 5)) / 24));
}

function pickStart(random: TRandom, windowStart: number, windowMs: number): number {
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = windowStart + Math.floor(random.next() * windowMs);
    if (random.next() < dailyWeight(candidate)) return candidate;
  }
  return windowStart + Math.floor(random.next() * windowMs);
}

/** Moves every timestamp of a session by `delta` ms (events, action start/end, sent_at). */
export function shiftSession(session: TGeneratedSession, delta: number): void {
  if (delta === 0) return;
  for (const beacon of session.beacons) {
    beacon.sent_at += delta;
    for (const event of beacon.events) {
      event.ts += delta;
      if (event.type === 'user_action') {
        if (event.start !== undefined) event.start += delta;
        if (event.end !== undefined) event.end += delta;
      }
    }
  }
  session.startTs += delta;
  session.endTs += delta;
}

/**
 * Lazily yields `sessions` synthetic sessions spread over `days` before `now`. The same options
 * (seed and now included) always yield the same sessions, ids and all.
 */
export function* generateTraffic(options: TTrafficOptions): Generator<TGeneratedSession> {
  if (!Number.isInteger(options.sessions) || options.sessions < 0) throw new Error('sessions must be a non-negative integer');
  if (!(options.days > 0)) throw new Error('days must be positive');
  const windowMs = Math.round(options.days * DAY_MS);
  const windowStart = options.now - windowMs;
  const context: TSessionContext = {
    applicationId: options.applicationId,
    origin: options.origin ?? 'https://shop.example',
    plan: planProperties(options.definitions),
    noise: options.noise ?? DEFAULT_NOISE,
  };
  const root = createRandom(options.seed);
  for (let index = 0; index < options.sessions; index++) {
    // One generator per session: session k is the same whatever N is.
    const random = root.fork(`session-${index}`);
    const session = generateSession(random, context, pickStart(random, windowStart, windowMs));
    // Pull sessions that would run past `now` back, but not before the window when they fit in it.
    if (session.endTs > options.now) shiftSession(session, Math.max(options.now - session.endTs, windowStart - session.startTs));
    if (session.endTs > options.now) shiftSession(session, options.now - session.endTs);
    yield session;
  }
}

/**
 * What the SDK does at send time: `sent_at` is the moment the batch leaves the browser. With the
 * real send time the collector's clock correction is ~0, so historical timestamps stay put.
 */
export function stampSentAt(beacon: TBeacon, sentAt: number): TBeacon {
  return { ...beacon, sent_at: Math.max(beacon.sent_at, sentAt) };
}

export function countEvents(beacons: readonly TBeacon[]): number {
  return beacons.reduce((sum, beacon) => sum + beacon.events.length, 0);
}
