import { parseBeacon } from '@trailmark/semantic-model';
import type { TBeacon, TBeaconEvent } from '@trailmark/semantic-model';
import { validateProperties } from '@trailmark/validation-rules';
import type { TPropertyDefinitionLike } from '@trailmark/validation-rules';
import { buildBenchmarkBeacon } from './benchmark-beacon';
import { DAY_MS, generateTraffic, stampSentAt } from './generate-traffic';
import type { TGeneratedSession } from './generate-session';
import { NO_NOISE } from './property-values';
import type { TTrafficPropertyDefinition } from './property-values';
import { createRandom } from './random';

// Every data type in every scope, as an application could define them.
const DEFINITIONS: TPropertyDefinitionLike[] = [
  { key: 'cart_value', scope: 'event', dataType: 'double', caseInsensitive: false, cleanupRule: null, honourDnt: true },
  { key: 'payment_method', scope: 'event', dataType: 'string', caseInsensitive: false, maxLength: 20, cleanupRule: null, honourDnt: true },
  { key: 'item_count', scope: 'event', dataType: 'long', caseInsensitive: false, cleanupRule: null, honourDnt: true },
  { key: 'is_logged_in', scope: 'both', dataType: 'boolean', caseInsensitive: false, cleanupRule: null, honourDnt: true },
  { key: 'loyalty_tier', scope: 'session', dataType: 'string', caseInsensitive: false, cleanupRule: '^(bronze|silver|gold|platinum)$', honourDnt: true },
  { key: 'basket_items', scope: 'session', dataType: 'long', caseInsensitive: false, cleanupRule: null, honourDnt: true },
  { key: 'signup_date', scope: 'session', dataType: 'date', caseInsensitive: false, cleanupRule: null, honourDnt: true },
  { key: 'order_total', scope: 'both', dataType: 'double', caseInsensitive: false, cleanupRule: null, honourDnt: true },
];
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const DAYS = 3;

function generate(options: { seed?: string; sessions?: number; noise?: typeof NO_NOISE; days?: number } = {}): TGeneratedSession[] {
  return [
    ...generateTraffic({
      applicationId: 'app-1',
      definitions: DEFINITIONS as TTrafficPropertyDefinition[],
      sessions: options.sessions ?? 300,
      days: options.days ?? DAYS,
      now: NOW,
      seed: options.seed ?? 'fixed',
      ...(options.noise ? { noise: options.noise } : {}),
    }),
  ];
}

const sessions = generate();
const beacons = sessions.flatMap((session) => session.beacons);
const events = beacons.flatMap((beacon) => beacon.events);

function allDrops(list: readonly TBeacon[]) {
  const context = { definitions: DEFINITIONS, dnt: false, appHonoursDnt: true };
  return list.flatMap((beacon) =>
    beacon.events.flatMap((event) => [
      ...validateProperties(event.event_properties, 'event', context).drops,
      ...validateProperties(event.session_properties, 'session', context).drops,
    ]),
  );
}

describe('generateTraffic', () => {
  it('builds beacons that all pass the shared beacon schema unchanged', () => {
    expect(beacons.length).toBeGreaterThan(sessions.length);
    for (const beacon of beacons) {
      const parsed = parseBeacon(JSON.parse(JSON.stringify(beacon)));
      if (!parsed.ok) throw new Error(`invalid beacon: ${JSON.stringify(parsed.issues)}`);
      expect(parsed.beacon).toEqual(beacon);
    }
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generate({ sessions: 40 })).toEqual(sessions.slice(0, 40));
    const other = generate({ seed: 'other', sessions: 40 });
    expect(other.map((s) => s.sessionId)).not.toEqual(sessions.slice(0, 40).map((s) => s.sessionId));
    expect(new Set(sessions.map((s) => s.sessionId)).size).toBe(sessions.length);
  });

  it('numbers beacons from 0, keeps event ids unique, and sends each batch after its events', () => {
    for (const session of sessions) {
      expect(session.beacons.map((b) => b.seq)).toEqual(session.beacons.map((_b, index) => index));
      const ids = session.beacons.flatMap((b) => b.events.map((e) => e.id));
      expect(new Set(ids).size).toBe(ids.length);
      let previous = 0;
      for (const beacon of session.beacons) {
        expect(beacon.session).toBe(session.sessionId);
        for (const event of beacon.events) {
          expect(event.ts).toBeGreaterThanOrEqual(previous);
          previous = event.ts;
          expect(beacon.sent_at).toBeGreaterThanOrEqual(event.ts);
        }
      }
    }
  });

  it('spreads sessions over the requested days and never past now', () => {
    const windowStart = NOW - DAYS * DAY_MS;
    for (const beacon of beacons) {
      expect(beacon.sent_at).toBeLessThanOrEqual(NOW);
      for (const event of beacon.events) expect(event.ts).toBeGreaterThanOrEqual(windowStart);
    }
    const starts = sessions.map((s) => s.startTs);
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThan(DAYS * DAY_MS * 0.8);
    const perDay = [0, 1, 2].map((day) => starts.filter((ts) => ts >= windowStart + day * DAY_MS && ts < windowStart + (day + 1) * DAY_MS).length);
    for (const count of perDay) expect(count).toBeGreaterThan(sessions.length / 6);
    const short = generate({ sessions: 50, days: 0.05 });
    for (const session of short) {
      expect(session.startTs).toBeGreaterThanOrEqual(NOW - 0.05 * DAY_MS - 6 * 60 * 60_000);
      expect(session.endTs).toBeLessThanOrEqual(NOW);
    }
  });

  it('stamps sent_at at send time without moving events', () => {
    const beacon = beacons[0] as TBeacon;
    const stamped = stampSentAt(beacon, NOW + 5000);
    expect(stamped.sent_at).toBe(NOW + 5000);
    expect(stamped.events).toBe(beacon.events);
  });

  it('covers every event type, action type, 4xx and 5xx, js errors, session ends and user tags', () => {
    const types = new Set(events.map((e) => e.type));
    for (const type of ['navigation', 'user_action', 'request', 'user_interaction', 'error', 'session_property', 'page_summary', 'view_summary', 'session_end']) expect(types).toContain(type);
    const actions = events.filter((e): e is Extract<TBeaconEvent, { type: 'user_action' }> => e.type === 'user_action');
    expect(new Set(actions.map((a) => a.action_type))).toEqual(new Set(['load', 'xhr', 'custom']));
    const names = new Set(actions.map((a) => a.name));
    for (const name of ['Loading of page /cart', 'click on "Checkout"', 'login', 'view cart', 'checkout', 'pay']) expect(names).toContain(name);
    const statuses = events.flatMap((e) => (e.type === 'request' ? [e.status] : []));
    expect(statuses.some((s) => s >= 400 && s < 500)).toBe(true);
    expect(statuses.some((s) => s >= 500)).toBe(true);
    expect(statuses.filter((s) => s >= 400).length / statuses.length).toBeLessThan(0.15);
    expect(events.some((e) => e.type === 'error' && e.error_type === 'js')).toBe(true);
    const ended = sessions.filter((s) => s.hasSessionEnd).length;
    expect(ended).toBeGreaterThan(sessions.length * 0.2);
    expect(ended).toBeLessThan(sessions.length * 0.6);
    expect(sessions.some((s) => s.userTag)).toBe(true);
    expect(new Set(sessions.map((s) => s.browser)).size).toBeGreaterThan(5);
    expect(new Set(sessions.map((s) => s.country)).size).toBeGreaterThan(5);
  });

  it('gives every definition values of its type, and no drops without noise', () => {
    const clean = generate({ sessions: 200, noise: NO_NOISE }).flatMap((s) => s.beacons);
    expect(allDrops(clean)).toEqual([]);
    const sent = new Set(clean.flatMap((b) => b.events.flatMap((e) => [...Object.keys(e.event_properties ?? {}), ...Object.keys(e.session_properties ?? {})])));
    for (const definition of DEFINITIONS) expect(sent).toContain(definition.key);
    // Longs beyond 2^53 come as text, so no digit is lost.
    const longs = clean.flatMap((b) => b.events.flatMap((e) => [e.event_properties?.['item_count'], e.session_properties?.['basket_items']])).filter((v) => v !== undefined);
    expect(longs.every((v) => (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && /^\d+$/.test(v)))).toBe(true);
  });

  it('adds a few undefined keys, wrong scopes and type mismatches by default', () => {
    const drops = allDrops(beacons);
    const reasons = new Set(drops.map((d) => d.reason));
    expect(reasons).toEqual(new Set(['undefined_key', 'type_mismatch', 'wrong_scope']));
    const sentValues = events.reduce((sum, e) => sum + Object.keys(e.event_properties ?? {}).length + Object.keys(e.session_properties ?? {}).length, 0);
    expect(drops.length / sentValues).toBeLessThan(0.1);
  });
});

describe('buildBenchmarkBeacon', () => {
  it('builds a valid beacon of exactly 10 events with 3 valid properties each', () => {
    const random = createRandom(1);
    const beacon = buildBenchmarkBeacon(random, { applicationId: 'app-1', sessionId: 's-1', seq: 0, definitions: DEFINITIONS as TTrafficPropertyDefinition[], eventsPerBeacon: 10, propertiesPerEvent: 3, ts: NOW });
    expect(parseBeacon(beacon).ok).toBe(true);
    expect(beacon.events).toHaveLength(10);
    for (const event of beacon.events) expect(Object.keys(event.event_properties ?? {})).toHaveLength(3);
    expect(allDrops([beacon])).toEqual([]);
  });
});
