import specBeacon from './fixtures/spec-beacon.json';
import { BEACON_LIMITS, EVENT_TYPES, parseBeacon, splitBeaconEvent, ZBeacon } from './index';

function clone(): Record<string, unknown> & { events: Record<string, unknown>[] } {
  return structuredClone(specBeacon) as Record<string, unknown> & { events: Record<string, unknown>[] };
}

function issuesOf(json: unknown) {
  const result = parseBeacon(json);
  if (result.ok) throw new Error('expected the beacon to be rejected');
  return result.issues;
}

describe('parseBeacon', () => {
  it('accepts the exact §7 example beacon unchanged', () => {
    const result = parseBeacon(clone());
    expect(result).toEqual({ ok: true, beacon: specBeacon });
  });

  it('covers every §6.1 event type in its discriminated union', () => {
    expect(EVENT_TYPES).toEqual([
      'navigation', 'user_action', 'request', 'user_interaction', 'error',
      'session_property', 'page_summary', 'view_summary', 'session_end',
    ]);
    for (const type of EVENT_TYPES) {
      const extra = {
        navigation: { soft: true },
        user_action: { action_type: 'custom', name: 'n', duration: 1 },
        request: { url: 'u', method: 'GET', status: 200, duration: 1 },
        user_interaction: { interaction: 'tap', target: 'button' },
        error: { error_type: 'js', message: 'boom', stack: 'at x' },
        session_property: { session_properties: { a: 1 } },
        page_summary: {},
        view_summary: {},
        session_end: {},
      }[type];
      const beacon = { ...clone(), events: [{ id: 'x', type, ts: 1, ...extra }] };
      expect(parseBeacon(beacon).ok).toBe(true);
    }
  });

  it('strips unknown fields on the envelope and events instead of rejecting', () => {
    const beacon = clone();
    beacon['future_field'] = 1;
    (beacon.events[0] as Record<string, unknown>)['shiny'] = { a: 1 };
    const result = parseBeacon(beacon);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.beacon).not.toHaveProperty('future_field');
    expect(result.beacon.events[0]).not.toHaveProperty('shiny');
  });

  it('insists on protocol version 1', () => {
    expect(issuesOf({ ...clone(), v: 2 })).toEqual([expect.objectContaining({ path: 'v', rule: 'invalid_value' })]);
  });

  it('names the exact dotted path and rule of each problem', () => {
    const beacon = clone();
    beacon.events[3] = { ...beacon.events[3], ts: 'yesterday' };
    beacon.events[1] = { ...beacon.events[1], action_type: 'hover' };
    expect(issuesOf(beacon)).toEqual([
      expect.objectContaining({ path: 'events.1.action_type', rule: 'invalid_value' }),
      expect.objectContaining({ path: 'events.3.ts', rule: 'invalid_type' }),
    ]);
  });

  it('reports an unknown event type at its type field', () => {
    const beacon = { ...clone(), events: [{ id: 'a', type: 'teleport', ts: 1 }] };
    expect(issuesOf(beacon)).toEqual([expect.objectContaining({ path: 'events.0.type', rule: 'unknown_event_type' })]);
  });

  it('rejects ids outside 1..64 characters and negative timestamps', () => {
    const beacon = { ...clone(), events: [{ id: '', type: 'session_end', ts: 1 }, { id: 'x'.repeat(65), type: 'session_end', ts: -1 }] };
    expect(issuesOf(beacon).map((issue) => issue.path)).toEqual(['events.0.id', 'events.1.id', 'events.1.ts']);
  });

  it('refuses more than 500 events before looking at any of them', () => {
    const events = Array.from({ length: BEACON_LIMITS.maxEvents + 1 }, () => ({ bogus: true }));
    expect(issuesOf({ ...clone(), events })).toEqual([expect.objectContaining({ path: 'events', rule: 'max_events' })]);
    const full = Array.from({ length: BEACON_LIMITS.maxEvents }, (_, i) => ({ id: `e${i}`, type: 'session_end', ts: i }));
    expect(parseBeacon({ ...clone(), events: full }).ok).toBe(true);
  });

  it('bounds string sizes', () => {
    const beacon = clone();
    beacon.events[0] = { ...beacon.events[0], url: 'u'.repeat(BEACON_LIMITS.maxUrlLength + 1) };
    beacon.events[3] = { ...beacon.events[3], stack: 's'.repeat(BEACON_LIMITS.maxStackLength + 1) };
    expect(issuesOf(beacon)).toEqual([
      expect.objectContaining({ path: 'events.0.url', rule: 'too_big' }),
      expect.objectContaining({ path: 'events.3.stack', rule: 'too_big' }),
    ]);
  });

  it('checks property maps: scalars only, key length, entry count, 64 KB strings', () => {
    const tooMany = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]));
    const events = [
      { id: 'a', type: 'session_end', ts: 1, event_properties: { nested: { no: 1 } } },
      { id: 'b', type: 'session_end', ts: 1, event_properties: { ['k'.repeat(201)]: 1 } },
      { id: 'c', type: 'session_end', ts: 1, session_properties: tooMany },
      { id: 'd', type: 'session_end', ts: 1, event_properties: { big: 'x'.repeat(64 * 1024 + 1) } },
      { id: 'e', type: 'session_end', ts: 1, event_properties: { long: 'x'.repeat(5000), none: null, yes: true } },
    ];
    expect(issuesOf({ ...clone(), events })).toEqual([
      expect.objectContaining({ path: 'events.0.event_properties.nested', rule: 'property_scalar' }),
      expect.objectContaining({ path: `events.1.event_properties.${'k'.repeat(201)}`, rule: 'invalid_key' }),
      expect.objectContaining({ path: 'events.2.session_properties', rule: 'max_properties' }),
      expect.objectContaining({ path: 'events.3.event_properties.big', rule: 'property_string_length' }),
    ]);
  });

  it('checks the device dimensions format', () => {
    expect(issuesOf({ ...clone(), device: { screen: '1920*1080' } })).toEqual([
      expect.objectContaining({ path: 'device.screen', rule: 'invalid_format' }),
    ]);
  });

  it('reports at most the first 10 problems', () => {
    const events = Array.from({ length: 30 }, (_, i) => ({ id: `e${i}`, type: 'session_end', ts: 'bad' }));
    const issues = issuesOf({ ...clone(), events });
    expect(issues).toHaveLength(10);
    expect(issues[0]?.path).toBe('events.0.ts');
    expect(issues[9]?.path).toBe('events.9.ts');
  });

  it('rejects non-objects with a root issue', () => {
    for (const json of [null, 'x', 1, []]) {
      expect(issuesOf(json)[0]).toEqual(expect.objectContaining({ path: '', rule: 'invalid_type' }));
    }
  });
});

describe('splitBeaconEvent', () => {
  it('separates the event columns from the type-specific data', () => {
    const beacon = ZBeacon.parse(clone());
    const [, action] = beacon.events;
    if (action === undefined) throw new Error('fixture has a user_action');
    expect(splitBeaconEvent(action)).toEqual({
      eventId: 'e-2',
      type: 'user_action',
      ts: 1763800000100,
      url: null,
      data: { action_type: 'xhr', name: 'click on "Checkout"', duration: 340, target_url: 'https://shop.example/api/pay' },
      eventProperties: { cart_value: 129.5, payment_method: 'card' },
      sessionProperties: {},
    });
  });
});
