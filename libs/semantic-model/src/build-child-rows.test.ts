import { BASE_TS, storedEvent } from './fixtures/stored-events';
import { apdexCategoryOf, buildChildRows, buildUserActions, buildUserErrors, buildUserEvents, domainOf, MAX_ACTION_NAME_LENGTH } from './index';

const SESSION = { applicationId: 'app-1', sessionId: 's-1', sessionStartTime: BASE_TS };

describe('buildUserActions', () => {
  it('maps a user_action event to a row', () => {
    const action = storedEvent({
      eventId: 'a1',
      type: 'user_action',
      ts: BASE_TS + 100,
      url: 'https://shop.example/cart',
      data: {
        action_type: 'load',
        name: 'loading of page /cart',
        duration: 900,
        target_url: 'https://Shop.Example:8443/cart?x=1',
        request_count: 4,
        error_count: 1,
        timings: { ttfb: 120, dom_content_loaded: 480, load: 900, lcp: 850, cls: 0.01 },
      },
      properties: { cart_value: 129.5 },
    });
    const jsError = storedEvent({ eventId: 'e1', type: 'error', ts: BASE_TS + 500, data: { error_type: 'js' } });
    const lateError = storedEvent({ eventId: 'e2', type: 'error', ts: BASE_TS + 2000, data: { error_type: 'js' } });
    expect(buildUserActions([lateError, action, jsError, action], 1000, SESSION)).toEqual([
      {
        ...SESSION,
        eventId: 'a1',
        name: 'loading of page /cart',
        type: 'Load',
        targetUrl: 'https://Shop.Example:8443/cart?x=1',
        domain: 'shop.example',
        apdexCategory: 'SATISFIED',
        startTime: BASE_TS + 100,
        endTime: BASE_TS + 1000,
        duration: 900,
        requestCount: 4,
        requestErrorCount: 1,
        javascriptErrorCount: 1,
        largestContentfulPaint: 850,
        cumulativeLayoutShift: 0.01,
        interactionToNextPaint: null,
        timeToFirstByte: 120,
        domContentLoadedTime: 480,
        loadEventEnd: 900,
        properties: { cart_value: 129.5 },
      },
    ]);
  });

  it('maps action types and falls back to the event url and zero counts', () => {
    const rows = buildUserActions(
      [
        storedEvent({ eventId: 'x', type: 'user_action', data: { action_type: 'xhr', duration: 10 } }),
        storedEvent({ eventId: 'y', type: 'user_action', url: null, data: { action_type: 'custom', start: 5, end: 25 } }),
      ],
      100,
      SESSION,
    );
    expect(rows.map((row) => [row.type, row.targetUrl, row.domain, row.duration, row.requestCount])).toEqual([
      ['Xhr', 'https://shop.example/cart', 'shop.example', 10, 0],
      ['Custom', null, null, 20, 0],
    ]);
  });
});

describe('apdexCategoryOf', () => {
  it.each([
    [0, 'SATISFIED'],
    [500, 'SATISFIED'],
    [501, 'TOLERATING'],
    [2000, 'TOLERATING'],
    [2001, 'FRUSTRATED'],
  ] as const)('%d ms at T=500 is %s', (duration, category) => {
    expect(apdexCategoryOf(duration, 500)).toBe(category);
  });
});

describe('domainOf', () => {
  it.each([
    ['https://user:pw@Example.COM:443/a', 'example.com'],
    ['http://[::1]:8080/', '[::1]'],
    ['/relative/path', null],
    ['not a url', null],
  ])('%s → %s', (url, domain) => {
    expect(domainOf(url)).toBe(domain);
  });
});

describe('buildUserEvents', () => {
  it('emits page changes, interactions and user tag changes', () => {
    const events = [
      storedEvent({ eventId: 'n1', type: 'navigation', ts: BASE_TS, userTag: 'ana' }),
      storedEvent({ eventId: 'c1', type: 'user_interaction', ts: BASE_TS + 1, userTag: 'ana', data: { interaction: 'click', target: 'button#pay' } }),
      storedEvent({ eventId: 'k1', type: 'user_interaction', ts: BASE_TS + 2, data: { interaction: 'keypress', target: 'input' } }),
      storedEvent({ eventId: 't1', type: 'user_interaction', ts: BASE_TS + 3, userTag: 'bo', data: { interaction: 'tap', target: 'a' } }),
      storedEvent({ eventId: 's1', type: 'user_interaction', ts: BASE_TS + 4, data: { interaction: 'scroll', target: 'body' } }),
      storedEvent({ eventId: 'r1', type: 'request', ts: BASE_TS + 5 }),
    ];
    const rows = buildUserEvents(events, SESSION);
    expect(rows.map((row) => [row.eventId, row.type, row.name])).toEqual([
      ['n1', 'PageChange', 'https://shop.example/cart'],
      ['n1:user_tag', 'UserTag', 'ana'],
      ['c1', 'Click', 'button#pay'],
      ['k1', 'KeyPress', 'input'],
      ['t1', 'Tap', 'a'],
      ['t1:user_tag', 'UserTag', 'bo'],
      ['s1', 'Scroll', 'body'],
    ]);
    expect(rows[0]).toEqual({ ...SESSION, eventId: 'n1', name: 'https://shop.example/cart', type: 'PageChange', page: 'https://shop.example/cart', pageReferrer: null, startTime: BASE_TS });
  });
});

describe('buildUserErrors', () => {
  it('maps error types, status and page', () => {
    const rows = buildUserErrors(
      [
        storedEvent({ eventId: 'b', type: 'error', ts: BASE_TS + 1, data: { error_type: 'http', status: 502, message: 'Bad Gateway' } }),
        storedEvent({ eventId: 'a', type: 'error', ts: BASE_TS, data: { error_type: 'js', message: 'x is undefined' } }),
        storedEvent({ eventId: 'c', type: 'error', ts: BASE_TS + 2, url: null, data: { error_type: 'csp', message: 'blocked', source_url: 'https://cdn/x.js' } }),
        storedEvent({ eventId: 'd', type: 'request', ts: BASE_TS + 3 }),
      ],
      SESSION,
    );
    expect(rows.map((row) => [row.eventId, row.type, row.name, row.status, row.page])).toEqual([
      ['a', 'Error', 'x is undefined', null, 'https://shop.example/cart'],
      ['b', 'HttpError', 'Bad Gateway', 502, 'https://shop.example/cart'],
      ['c', 'CspViolation', 'blocked', null, 'https://cdn/x.js'],
    ]);
  });
});

describe('buildChildRows', () => {
  it('builds all three tables at once', () => {
    const rows = buildChildRows({
      events: [
        storedEvent({ eventId: 'a', type: 'user_action', data: { action_type: 'xhr', duration: 1 } }),
        storedEvent({ eventId: 'n', type: 'navigation' }),
        storedEvent({ eventId: 'e', type: 'error', data: { error_type: 'js' } }),
      ],
      session: SESSION,
      apdexThresholdMs: 3000,
    });
    expect([rows.userActions.length, rows.userEvents.length, rows.userErrors.length]).toEqual([1, 1, 1]);
  });
});

describe('user action names', () => {
  const named = (name: string) => buildUserActions([storedEvent({ eventId: 'a', type: 'user_action', data: { name, action_type: 'custom', duration: 1 } })], 3000, SESSION)[0]?.name;

  it('keeps the first 500 characters, so the name always fits its indexes', () => {
    expect(named('x'.repeat(MAX_ACTION_NAME_LENGTH))).toHaveLength(MAX_ACTION_NAME_LENGTH);
    expect(named('y'.repeat(8192))).toBe('y'.repeat(MAX_ACTION_NAME_LENGTH));
  });

  it('never cuts a character in half', () => {
    const name = `${'x'.repeat(MAX_ACTION_NAME_LENGTH - 1)}😀tail`;
    expect(named(name)).toBe('x'.repeat(MAX_ACTION_NAME_LENGTH - 1));
  });
});
