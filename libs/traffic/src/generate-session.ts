import type { TBeacon, TBeaconEvent, TPropertyMap, TTimings } from '@trailmark/semantic-model';
import { BROWSERS, COUNTRIES, CUSTOM_ACTIONS, HTTP_STATUS_TEXT, JS_ERRORS, PAGES, REFERRERS } from './catalog';
import type { TBrowserProfile, TCountryProfile, TPageProfile } from './catalog';
import { buildPropertyMap } from './property-values';
import type { TPropertyNoise, TPropertyPlan } from './property-values';
import type { TRandom } from './random';

export interface TSessionContext {
  applicationId: string;
  origin: string;
  plan: TPropertyPlan;
  noise: TPropertyNoise;
}

/** One synthetic visit: what the browser would send, and the HTTP facts around it. */
export interface TGeneratedSession {
  sessionId: string;
  instanceId: string;
  userAgent: string;
  browser: string;
  country: string;
  clientIp: string;
  userTag: string | undefined;
  startTs: number;
  endTs: number;
  hasSessionEnd: boolean;
  /** In send order; `seq` counts up from 0 and `sent_at` follows the last event of each. */
  beacons: TBeacon[];
}

type TEventDraft = TBeaconEvent extends infer E ? (E extends TBeaconEvent ? Omit<E, 'id' | 'ts'> : never) : never;

interface TPageVisit {
  page: TPageProfile;
  url: string;
  referrer: string;
  isSoft: boolean;
  userTag: string | undefined;
  events: TBeaconEvent[];
}

const LANDING: readonly (readonly [string, number])[] = [
  ['/', 40],
  ['/search', 8],
  ['/category/shoes', 14],
  ['/category/jackets', 8],
  ['/product/trail-runner-2', 16],
  ['/product/rain-shell', 8],
  ['/cart', 3],
  ['/account', 3],
];

// A shop funnel as a Markov chain: where a visitor goes next from each page.
const NEXT_PAGE: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  '/': [['/category/shoes', 30], ['/category/jackets', 20], ['/search', 25], ['/login', 10], ['/product/trail-runner-2', 15]],
  '/search': [['/product/trail-runner-2', 45], ['/product/rain-shell', 35], ['/search', 20]],
  '/category/shoes': [['/product/trail-runner-2', 70], ['/search', 15], ['/category/jackets', 15]],
  '/category/jackets': [['/product/rain-shell', 70], ['/category/shoes', 30]],
  '/product/trail-runner-2': [['/cart', 45], ['/product/rain-shell', 20], ['/category/shoes', 35]],
  '/product/rain-shell': [['/cart', 45], ['/product/trail-runner-2', 20], ['/category/jackets', 35]],
  '/cart': [['/checkout', 55], ['/login', 15], ['/', 30]],
  '/checkout': [['/account', 40], ['/', 60]],
  '/account': [['/', 60], ['/category/shoes', 40]],
  '/login': [['/account', 40], ['/cart', 30], ['/', 30]],
};

const UTM_QUERIES = ['?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale', '?utm_source=google&utm_medium=cpc&utm_campaign=brand', '?utm_source=facebook&utm_medium=social'];

function pageByPath(path: string): TPageProfile {
  return PAGES.find((page) => page.path === path) ?? (PAGES[0] as TPageProfile);
}

function ipFor(random: TRandom, country: TCountryProfile): string {
  const prefix = random.pick(country.ipPrefixes);
  const missing = 4 - prefix.split('.').filter(Boolean).length;
  const rest = Array.from({ length: missing }, () => random.int(1, 254));
  return `${prefix}${rest.join('.')}`;
}

function windowFor(random: TRandom, browser: TBrowserProfile, screen: string): string {
  if (browser.isMobile) return screen;
  const [width = 1280, height = 720] = screen.split('x').map(Number);
  return `${Math.round(width * random.float(0.6, 1))}x${Math.round(height * random.float(0.6, 0.92))}`;
}

function statusFor(random: TRandom, method: string): number {
  const roll = random.next();
  if (roll < 0.003) return 0;
  if (roll < 0.018) return random.pick([500, 502, 503, 504]);
  if (roll < 0.05) return random.pick([400, 401, 403, 404, 404, 409, 429]);
  if (method === 'GET') return random.chance(0.15) ? 304 : 200;
  return random.chance(0.3) ? 201 : 200;
}

function navigationTimings(random: TRandom, isSoft: boolean): TTimings {
  const ttfb = Math.round(random.logNormal(isSoft ? 60 : 180, 0.6, 10, 6000));
  const domContentLoaded = ttfb + Math.round(random.logNormal(350, 0.6, 30, 8000));
  const load = domContentLoaded + Math.round(random.logNormal(450, 0.7, 20, 15000));
  const lcp = Math.round(domContentLoaded + (load - domContentLoaded) * random.float(0.2, 1.1));
  const cls = Math.round(random.logNormal(0.03, 1.2, 0, 0.9) * 1000) / 1000;
  const timings: TTimings = { ttfb, dom_content_loaded: domContentLoaded, load, lcp, cls };
  if (isSoft || random.chance(0.5)) timings.inp = Math.round(random.logNormal(120, 0.7, 8, 2000));
  return timings;
}

/** Builds one visit to one page: navigation, its load action, requests, clicks, errors, properties. */
class SessionBuilder {
  private eventCount = 0;
  private clock: number;
  userTag: string | undefined;

  constructor(
    private readonly random: TRandom,
    private readonly context: TSessionContext,
    private readonly wantsLogin: boolean,
    startTs: number,
  ) {
    this.clock = startTs;
  }

  get now(): number {
    return this.clock;
  }

  advance(ms: number): void {
    this.clock += Math.max(1, Math.round(ms));
  }

  event(visit: TPageVisit, draft: TEventDraft, extra: { eventProperties?: TPropertyMap; sessionProperties?: TPropertyMap } = {}): TBeaconEvent {
    this.eventCount += 1;
    const event = { id: `e-${this.eventCount}`, ts: this.clock, ...draft } as TBeaconEvent;
    if (extra.eventProperties) event.event_properties = extra.eventProperties;
    if (extra.sessionProperties) event.session_properties = extra.sessionProperties;
    visit.events.push(event);
    return event;
  }

  eventProperties(coverage: number): TPropertyMap | undefined {
    return buildPropertyMap(this.random, this.context.plan, 'event', this.propertyOptions(coverage));
  }

  sessionProperties(coverage: number): TPropertyMap | undefined {
    return buildPropertyMap(this.random, this.context.plan, 'session', this.propertyOptions(coverage));
  }

  private propertyOptions(coverage: number) {
    return { ts: this.clock, coverage, noise: this.context.noise, ...(this.userTag ? { userTag: this.userTag } : {}) };
  }

  visit(page: TPageProfile, referrer: string, isSoft: boolean, query: string): TPageVisit {
    const url = `${this.context.origin}${page.path}${query}`;
    const visit: TPageVisit = { page, url, referrer, isSoft, userTag: this.userTag, events: [] };
    this.navigate(visit);
    this.requests(visit, page.apis.slice(0, this.random.int(1, page.apis.length)));
    if (this.random.chance(0.03)) this.jsError(visit);
    const clicks = this.random.int(0, Math.min(4, page.targets.length + 1));
    for (let i = 0; i < clicks; i++) this.click(visit);
    if (this.random.chance(0.35)) {
      this.advance(this.random.logNormal(1500, 0.8, 200, 20_000));
      this.event(visit, { type: 'user_interaction', url, interaction: 'scroll', target: 'document' });
    }
    if (page.path === '/search') {
      this.advance(this.random.logNormal(900, 0.6, 100, 8000));
      this.event(visit, { type: 'user_interaction', url, interaction: 'keypress', target: 'input#q' });
    }
    this.customActions(visit);
    if (this.random.chance(0.004)) {
      this.event(visit, { type: 'error', url, error_type: 'csp', message: "Refused to load the script 'https://cdn.tracker.example/t.js' because it violates the Content Security Policy directive: \"script-src 'self'\"", source_url: 'https://cdn.tracker.example/t.js' });
    }
    this.advance(this.random.logNormal(4000, 0.9, 300, 120_000));
    this.event(visit, { type: isSoft ? 'view_summary' : 'page_summary', url });
    return visit;
  }

  private navigate(visit: TPageVisit): void {
    const timings = navigationTimings(this.random, visit.isSoft);
    const requestCount = visit.page.apis.length + this.random.int(visit.isSoft ? 0 : 8, visit.isSoft ? 2 : 40);
    this.event(visit, { type: 'navigation', url: visit.url, timings, ...(visit.isSoft ? { soft: true } : {}) });
    const start = this.clock;
    const name = `Loading of page ${visit.page.path}`;
    const duration = timings.load ?? 0;
    this.advance(duration);
    this.event(
      visit,
      { type: 'user_action', url: visit.url, action_type: visit.isSoft ? 'xhr' : 'load', name, duration, target_url: visit.url, request_count: requestCount, error_count: 0, start, end: start + duration, timings },
      this.withEventProperties(0.6),
    );
  }

  private withEventProperties(coverage: number): { eventProperties?: TPropertyMap } {
    const eventProperties = this.eventProperties(coverage);
    return eventProperties ? { eventProperties } : {};
  }

  /** Requests of a page or action; returns how many failed. */
  private requests(visit: TPageVisit, apis: readonly (readonly [string, string])[]): number {
    let failed = 0;
    for (const [method, path] of apis) {
      const status = statusFor(this.random, method);
      const duration = Math.round(this.random.logNormal(method === 'GET' ? 120 : 260, 0.7, 5, 30_000));
      const url = `${this.context.origin}${path}`;
      this.advance(this.random.int(2, 40));
      this.event(visit, { type: 'request', url, method, status, duration });
      if (status >= 400 || status === 0) {
        failed += 1;
        const message = status === 0 ? 'Network error' : (HTTP_STATUS_TEXT[status] ?? `HTTP ${status}`);
        this.event(visit, { type: 'error', url: visit.url, error_type: 'http', status, message, source_url: url });
      }
    }
    return failed;
  }

  private jsError(visit: TPageVisit): void {
    const [message, stack] = this.random.pick(JS_ERRORS);
    this.advance(this.random.int(50, 3000));
    this.event(visit, { type: 'error', url: visit.url, error_type: 'js', message, stack, source_url: `${this.context.origin}/static/app.3f9a.js` });
  }

  private click(visit: TPageVisit): void {
    const target = this.random.pick(visit.page.targets);
    this.advance(this.random.logNormal(2500, 0.9, 150, 60_000));
    this.event(visit, { type: 'user_interaction', url: visit.url, interaction: this.random.chance(0.2) ? 'tap' : 'click', target: `button "${target}"` });
    if (!this.random.chance(0.6)) return;
    const start = this.clock;
    const apis = visit.page.apis.filter(([method]) => method !== 'GET');
    const api = apis.length > 0 ? this.random.pick(apis) : this.random.pick(visit.page.apis);
    const failed = this.requests(visit, [api]);
    const duration = Math.max(1, this.clock - start + Math.round(this.random.logNormal(80, 0.6, 5, 3000)));
    this.event(
      visit,
      { type: 'user_action', url: visit.url, action_type: 'xhr', name: `click on "${target}"`, duration, target_url: `${this.context.origin}${api[1]}`, request_count: 1, error_count: failed, start, end: start + duration },
      this.withEventProperties(0.6),
    );
  }

  private customActions(visit: TPageVisit): void {
    for (const [name, path] of CUSTOM_ACTIONS) {
      if (path !== visit.page.path) continue;
      if (name === 'login' && !this.wantsLogin) continue;
      if (name === 'pay' && !this.random.chance(0.7)) continue;
      this.advance(this.random.logNormal(3000, 0.8, 300, 60_000));
      const duration = Math.round(this.random.logNormal(name === 'pay' ? 900 : 250, 0.6, 10, 20_000));
      this.event(visit, { type: 'user_action', url: visit.url, action_type: 'custom', name, duration, start: this.clock, end: this.clock + duration }, this.withEventProperties(0.8));
      if (name === 'login' && !this.userTag) {
        this.userTag = `user${this.random.int(1, 5000)}@${this.random.pick(['example.com', 'mail.example', 'shop.example'])}`;
        visit.userTag = this.userTag;
        const sessionProperties = this.sessionProperties(0.7);
        if (sessionProperties) this.event(visit, { type: 'session_property', url: visit.url, session_properties: sessionProperties });
      }
      this.advance(duration);
    }
  }

  sessionPropertyEvent(visit: TPageVisit, coverage: number): void {
    const sessionProperties = this.sessionProperties(coverage);
    if (!sessionProperties) return;
    this.advance(this.random.int(5, 200));
    this.event(visit, { type: 'session_property', url: visit.url, session_properties: sessionProperties });
  }

  sessionEnd(visit: TPageVisit): void {
    this.advance(this.random.int(100, 5000));
    this.event(visit, { type: 'session_end', url: visit.url });
  }
}

function pageCount(random: TRandom): number {
  if (random.chance(0.3)) return 1;
  let pages = 2;
  while (pages < 15 && random.chance(0.7)) pages += 1;
  return pages;
}

/** How long after an event the SDK flushes its batch (page hide, timer or size threshold). */
function flushDelay(random: TRandom): number {
  return random.int(20, 2500);
}

/**
 * Generates one session starting at `startTs` (its events move forward from there) as beacons:
 * one or two per page, like the SDK's batching on page hide and on its flush timer.
 */
export function generateSession(random: TRandom, context: TSessionContext, startTs: number): TGeneratedSession {
  const browser = random.weighted(BROWSERS);
  const country = random.weighted(COUNTRIES);
  const screen = random.pick(browser.screens);
  const device = { screen, window: windowFor(random, browser, screen) };
  const sessionId = `s-${random.hex(16)}`;
  const instanceId = `i-${random.hex(8)}`;
  const isDnt = random.chance(0.05);
  const builder = new SessionBuilder(random, context, random.chance(0.3), startTs);

  const visits: TPageVisit[] = [];
  let path = random.weighted(LANDING);
  let referrer = random.weighted(REFERRERS);
  const pages = pageCount(random);
  for (let index = 0; index < pages; index++) {
    const isSoft = index > 0 && random.chance(0.5);
    const query = index === 0 && random.chance(0.25) ? random.pick(UTM_QUERIES) : '';
    const visit = builder.visit(pageByPath(path), referrer, isSoft, query);
    if (index === 0) {
      // The SDK's API sets session properties soon after start-up.
      builder.sessionPropertyEvent(visit, 0.6);
    }
    visits.push(visit);
    referrer = visit.url;
    path = random.weighted(NEXT_PAGE[path] ?? LANDING);
    if (index < pages - 1) builder.advance(random.logNormal(15_000, 0.9, 1500, 300_000));
  }
  const lastVisit = visits[visits.length - 1] as TPageVisit;
  if (random.chance(0.3)) builder.sessionPropertyEvent(lastVisit, 0.4);
  const hasSessionEnd = random.chance(0.4);
  if (hasSessionEnd) builder.sessionEnd(lastVisit);

  const beacons: TBeacon[] = [];
  for (const visit of visits) {
    // A long page visit is flushed in two parts (the SDK's timer), a short one in one.
    const parts = visit.events.length > 12 && random.chance(0.5) ? [visit.events.slice(0, 8), visit.events.slice(8)] : [visit.events];
    for (const events of parts) {
      const last = events[events.length - 1];
      if (!last) continue;
      const beacon: TBeacon = {
        v: 1,
        app: context.applicationId,
        session: sessionId,
        instance: instanceId,
        seq: beacons.length,
        sent_at: last.ts + flushDelay(random),
        page: { url: visit.url, title: visit.page.title, referrer: visit.referrer },
        device,
        events,
      };
      if (visit.userTag) beacon.user_tag = visit.userTag;
      if (isDnt) beacon.dnt = true;
      beacons.push(beacon);
    }
  }
  const lastBeacon = beacons[beacons.length - 1] as TBeacon;
  return {
    sessionId,
    instanceId,
    userAgent: browser.userAgent,
    browser: browser.name,
    country: country.iso,
    clientIp: ipFor(random, country),
    userTag: builder.userTag,
    startTs,
    endTs: lastBeacon.sent_at,
    hasSessionEnd,
    beacons,
  };
}
