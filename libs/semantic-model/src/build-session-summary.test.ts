import { BASE_TS, CONTEXT, storedEvent } from './fixtures/stored-events';
import {
  buildSessionSummary,
  SESSION_CLOCK_RULES,
  ZSessionSummary,
  type TSessionPropertyDefinition,
  type TStoredEvent,
} from './index';

const NOW = BASE_TS + 60 * 60_000;
const nav = (eventId: string, ts = BASE_TS, extra: Partial<TStoredEvent> = {}) =>
  storedEvent({ eventId, type: 'navigation', ts, ...extra });

function summarize(events: TStoredEvent[], definitions: TSessionPropertyDefinition[] = [], now = NOW) {
  return buildSessionSummary({ context: CONTEXT, events, definitions, now });
}

describe('buildSessionSummary', () => {
  it('takes the times from the first and last event', () => {
    const summary = summarize([nav('b', BASE_TS + 5000), nav('a', BASE_TS), nav('c', BASE_TS + 2000)]);
    expect(summary).toMatchObject({ start_time: BASE_TS, end_time: BASE_TS + 5000, duration: 5000 });
  });

  it('counts every event type once per eventId', () => {
    const types = ['navigation', 'page_summary', 'request', 'user_interaction', 'view_summary', 'user_action'];
    const events = types.flatMap((type, i) =>
      Array.from({ length: i + 1 }, (_, n) => storedEvent({ eventId: `${type}-${n}`, type, ts: BASE_TS + n })),
    );
    const summary = summarize([...events, ...events, storedEvent({ eventId: 'end', type: 'session_end' })]);
    expect(summary).toMatchObject({
      navigation_count: 1,
      page_summary_count: 2,
      request_count: 3,
      user_interaction_count: 4,
      view_summary_count: 5,
      user_action_count: 6,
    });
  });

  it('ignores unknown and prototype-named types', () => {
    const summary = summarize([nav('a'), storedEvent({ eventId: 'b', type: 'constructor' })]);
    expect(summary.navigation_count).toBe(1);
    expect(ZSessionSummary.parse(summary)).toEqual(summary);
  });

  it('tallies js, http 4xx/5xx and csp errors', () => {
    const error = (eventId: string, data: Record<string, unknown>) => storedEvent({ eventId, type: 'error', data });
    const summary = summarize([
      nav('n'),
      error('e1', { error_type: 'js', message: 'x' }),
      error('e2', { error_type: 'js', message: 'y' }),
      error('e3', { error_type: 'http', status: 404 }),
      error('e4', { error_type: 'http', status: 502 }),
      error('e5', { error_type: 'http', status: 503 }),
      error('e6', { error_type: 'http' }),
      error('e7', { error_type: 'csp' }),
      storedEvent({ eventId: 'r', type: 'request', data: { status: 500 } }),
    ]);
    expect(summary.error).toEqual({ count: 7, http_4xx_count: 1, http_5xx_count: 2, csp_violation_count: 1, js_count: 2 });
  });

  it('keeps the last non-empty user tag by time', () => {
    const summary = summarize([
      nav('a', BASE_TS + 3, { userTag: '' }),
      nav('b', BASE_TS + 2, { userTag: 'bo@example.com' }),
      nav('c', BASE_TS + 1, { userTag: 'ana@example.com' }),
      nav('d', BASE_TS + 4, { userTag: null }),
    ]);
    expect(summary.user_tag).toBe('bo@example.com');
    expect(summarize([nav('a')]).user_tag).toBeNull();
  });

  it('copies the session context and takes instance_id from the first event', () => {
    const summary = buildSessionSummary({
      context: {
        ...CONTEXT,
        endReason: 'api',
        browserName: 'Firefox',
        browserVersion: '140.0',
        osName: 'Linux',
        osVersion: null,
        deviceType: 'desktop',
        screen: '1920x1080',
        windowSize: '1280x720',
        ip: '203.0.113.0',
        country: 'PT',
      },
      events: [nav('b', BASE_TS + 1, { instanceId: 'i-2' }), nav('a', BASE_TS, { instanceId: 'i-1' })],
      definitions: [],
      now: NOW,
    });
    expect(summary).toMatchObject({
      session_id: 's-1',
      application_id: 'app-1',
      instance_id: 'i-1',
      end_reason: 'api',
      characteristics: { has_replay: false, is_invalid: false },
      browser: { name: 'Firefox', version: '140.0', window_size: '1280x720' },
      os: { name: 'Linux', version: null },
      device: { type: 'desktop', manufacturer: null, model: null, screen: '1920x1080' },
      geo: { country_iso_code: 'PT' },
      client: { ip: '203.0.113.0', isp: null },
    });
  });

  it('refuses to summarise a session without events', () => {
    expect(() => summarize([])).toThrow('at least one event');
  });
});

describe('is_invalid', () => {
  const invalid = (events: TStoredEvent[], now = NOW, maxSessionDurationMs?: number) =>
    buildSessionSummary({ context: CONTEXT, events, definitions: [], now, maxSessionDurationMs }).characteristics.is_invalid;

  it('marks a session without user action or navigation', () => {
    expect(invalid([storedEvent({ eventId: 'r', type: 'request' })])).toBe(true);
    expect(invalid([storedEvent({ eventId: 'u', type: 'user_action' })])).toBe(false);
    expect(invalid([nav('n')])).toBe(false);
  });

  it('marks timestamps before 2000-01-01', () => {
    expect(invalid([nav('n', SESSION_CLOCK_RULES.earliestPlausibleTs - 1)], NOW, Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(invalid([nav('n', SESSION_CLOCK_RULES.earliestPlausibleTs)], NOW, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('marks events more than 5 minutes in the future', () => {
    expect(invalid([nav('n', NOW + SESSION_CLOCK_RULES.futureSlackMs)])).toBe(false);
    expect(invalid([nav('n', NOW + SESSION_CLOCK_RULES.futureSlackMs + 1)])).toBe(true);
  });

  it('marks spans beyond the max duration plus slack', () => {
    const max = 60_000;
    const limit = max + SESSION_CLOCK_RULES.durationSlackMs;
    expect(invalid([nav('a', BASE_TS), nav('b', BASE_TS + limit)], NOW, max)).toBe(false);
    expect(invalid([nav('a', BASE_TS), nav('b', BASE_TS + limit + 1)], NOW, max)).toBe(true);
    const sixHours = SESSION_CLOCK_RULES.defaultMaxSessionDurationMs + SESSION_CLOCK_RULES.durationSlackMs;
    expect(invalid([nav('a', BASE_TS), nav('b', BASE_TS + sixHours + 1)], BASE_TS + sixHours)).toBe(true);
  });
});

describe('session properties', () => {
  const withProps = (eventId: string, ts: number, sessionProperties: TStoredEvent['sessionProperties']) =>
    storedEvent({ eventId, type: 'session_property', ts, sessionProperties });
  const events = [
    nav('n'),
    withProps('p2', BASE_TS + 20, { tier: 'silver', items: 2, total: 10.25, vip: false, seen: BASE_TS + 5 }),
    withProps('p1', BASE_TS + 10, { tier: 'gold', items: 5, total: 1.5, vip: true, seen: BASE_TS + 9 }),
    withProps('p3', BASE_TS + 30, { tier: 'bronze', items: 1 }),
  ];
  const aggregate = (definition: TSessionPropertyDefinition) => summarize(events, [definition]).session_properties;

  it('defaults to last', () => {
    expect(aggregate({ key: 'tier', dataType: 'string' })).toEqual({ tier: 'bronze' });
  });

  it.each([
    ['last', 'tier', 'string', 'bronze'],
    ['first', 'tier', 'string', 'gold'],
    ['min', 'tier', 'string', 'bronze'],
    ['max', 'tier', 'string', 'silver'],
    ['min', 'items', 'long', 1],
    ['max', 'items', 'long', 5],
    ['sum', 'items', 'long', 8],
    ['sum', 'total', 'double', 11.75],
    ['min', 'vip', 'boolean', false],
    ['max', 'vip', 'boolean', true],
    ['min', 'seen', 'date', BASE_TS + 5],
    ['sum', 'tier', 'string', 'bronze'],
  ] as const)('%s of %s (%s)', (sessionAggregation, key, dataType, expected) => {
    expect(aggregate({ key, dataType, sessionAggregation })).toEqual({ [key]: expected });
  });

  it('sums longs exactly beyond 2^53', () => {
    const big = [nav('n'), withProps('a', BASE_TS, { n: 2n ** 62n }), withProps('b', BASE_TS + 1, { n: 2 ** 53 })];
    const result = summarize(big, [{ key: 'n', dataType: 'long', sessionAggregation: 'sum' }]).session_properties;
    expect(result).toEqual({ n: 2n ** 62n + 2n ** 53n });
  });

  it('breaks ts ties by eventId', () => {
    const tied = [nav('n'), withProps('b', BASE_TS, { tier: 'from-b' }), withProps('a', BASE_TS, { tier: 'from-a' })];
    expect(summarize(tied, [{ key: 'tier', dataType: 'string', sessionAggregation: 'last' }]).session_properties).toEqual({ tier: 'from-b' });
    expect(summarize(tied, [{ key: 'tier', dataType: 'string', sessionAggregation: 'first' }]).session_properties).toEqual({ tier: 'from-a' });
  });

  it('ignores undefined keys and values that no longer fit the type', () => {
    const mixed = [nav('n'), withProps('a', BASE_TS, { n: 'seven', other: 1 }), withProps('b', BASE_TS + 1, { n: 1.5 })];
    expect(summarize(mixed, [{ key: 'n', dataType: 'long', sessionAggregation: 'sum' }]).session_properties).toEqual({});
  });

  it('reads session properties from any event type', () => {
    const any = [nav('n', BASE_TS, { sessionProperties: { tier: 'nav' } })];
    expect(summarize(any, [{ key: 'tier', dataType: 'string' }]).session_properties).toEqual({ tier: 'nav' });
  });
});
