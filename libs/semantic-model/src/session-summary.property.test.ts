import fc from 'fast-check';
import { BASE_TS, CONTEXT } from './fixtures/stored-events';
import {
  buildChildRows,
  buildSessionSummary,
  type TSessionPropertyDefinition,
  type TStoredEvent,
} from './index';

const DEFINITIONS: TSessionPropertyDefinition[] = [
  { key: 'l_last', dataType: 'long', sessionAggregation: 'last' },
  { key: 'l_first', dataType: 'long', sessionAggregation: 'first' },
  { key: 'l_sum', dataType: 'long', sessionAggregation: 'sum' },
  { key: 'l_min', dataType: 'long', sessionAggregation: 'min' },
  { key: 'd_sum', dataType: 'double', sessionAggregation: 'sum' },
  { key: 'd_max', dataType: 'double', sessionAggregation: 'max' },
  { key: 's_max', dataType: 'string', sessionAggregation: 'max' },
];
const TYPES = ['navigation', 'user_action', 'request', 'user_interaction', 'error', 'session_property', 'page_summary', 'view_summary', 'session_end'];

const arbProps = fc.record(
  {
    l_last: fc.integer({ min: -1000, max: 1000 }),
    l_first: fc.integer({ min: -1000, max: 1000 }),
    l_sum: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n })),
    l_min: fc.integer(),
    d_sum: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    d_max: fc.double({ noNaN: true, noDefaultInfinity: true }),
    s_max: fc.string({ maxLength: 4 }),
  },
  { requiredKeys: [] },
);

// Few ids and timestamps on purpose, so ties on ts and repeated eventIds are common.
const arbEvent: fc.Arbitrary<TStoredEvent> = fc.record({
  eventId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  type: fc.constantFrom(...TYPES),
  ts: fc.integer({ min: BASE_TS, max: BASE_TS + 5 }),
  instanceId: fc.constantFrom('i-1', 'i-2'),
  userTag: fc.constantFrom(null, '', 'ana', 'bo'),
  url: fc.constant(null),
  data: fc.record({ error_type: fc.constantFrom('js', 'http', 'csp'), status: fc.constantFrom(200, 404, 500) }),
  properties: fc.constant({}),
  sessionProperties: arbProps,
});

// Distinct ids make "the same event" unambiguous when duplicating.
const arbSession = fc
  .uniqueArray(arbEvent, { minLength: 1, maxLength: 8, selector: (event) => event.eventId })
  .chain((events) =>
    fc.record({
      events: fc.constant(events),
      shuffled: fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
      repeats: fc.array(fc.constantFrom(...events), { maxLength: 8 }),
    }),
  );

function summarize(events: readonly TStoredEvent[]) {
  return buildSessionSummary({ context: CONTEXT, events, definitions: DEFINITIONS, now: BASE_TS + 10 });
}

describe('session summary properties', () => {
  it('is independent of arrival order and duplicates', () => {
    fc.assert(
      fc.property(arbSession, ({ events, shuffled, repeats }) => {
        const expected = summarize(events);
        expect(summarize([...repeats, ...shuffled, ...repeats])).toEqual(expected);
        const session = { applicationId: 'a', sessionId: 's', sessionStartTime: expected.start_time };
        expect(buildChildRows({ events: [...shuffled, ...repeats], session, apdexThresholdMs: 3 })).toEqual(
          buildChildRows({ events, session, apdexThresholdMs: 3 }),
        );
      }),
    );
  });

  it('matches a naive recomputation of counts and sums', () => {
    fc.assert(
      fc.property(arbSession, ({ events, repeats }) => {
        const summary = summarize([...events, ...repeats]);
        const ofType = (type: string) => events.filter((event) => event.type === type);
        const errors = ofType('error');
        expect(summary.navigation_count).toBe(ofType('navigation').length);
        expect(summary.user_action_count).toBe(ofType('user_action').length);
        expect(summary.request_count).toBe(ofType('request').length);
        expect(summary.user_interaction_count).toBe(ofType('user_interaction').length);
        expect(summary.page_summary_count).toBe(ofType('page_summary').length);
        expect(summary.view_summary_count).toBe(ofType('view_summary').length);
        expect(summary.error.count).toBe(errors.length);
        expect(summary.error.js_count).toBe(errors.filter((e) => e.data['error_type'] === 'js').length);
        expect(summary.error.csp_violation_count).toBe(errors.filter((e) => e.data['error_type'] === 'csp').length);
        const http = errors.filter((e) => e.data['error_type'] === 'http');
        expect(summary.error.http_4xx_count).toBe(http.filter((e) => e.data['status'] === 404).length);
        expect(summary.error.http_5xx_count).toBe(http.filter((e) => e.data['status'] === 500).length);
        const ts = events.map((event) => event.ts);
        expect(summary.duration).toBe(Math.max(...ts) - Math.min(...ts));

        const longs = events.flatMap((event) => (event.sessionProperties['l_sum'] === undefined ? [] : [event.sessionProperties['l_sum']]));
        const expectedSum = longs.reduce<bigint>((total, value) => total + BigInt(value), 0n);
        if (longs.length === 0) expect(summary.session_properties).not.toHaveProperty('l_sum');
        else expect(BigInt(summary.session_properties['l_sum'] as number | bigint)).toBe(expectedSum);

        const mins = events.flatMap((event) => (typeof event.sessionProperties['l_min'] === 'number' ? [event.sessionProperties['l_min']] : []));
        if (mins.length > 0) expect(summary.session_properties['l_min']).toBe(Math.min(...mins));
        const doubles = events.flatMap((event) => (typeof event.sessionProperties['d_sum'] === 'number' ? [event.sessionProperties['d_sum']] : []));
        if (doubles.length > 0) expect(summary.session_properties['d_sum']).toBeCloseTo(doubles.reduce((a, b) => a + b, 0), 3);
      }),
    );
  });
});
