import type { TBeacon, TBeaconEvent, TPropertyMap } from '@trailmark/semantic-model';
import { BROWSERS, PAGES } from './catalog';
import { validValueFor } from './property-values';
import type { TTrafficPropertyDefinition } from './property-values';
import type { TRandom } from './random';

export interface TBenchmarkBeaconOptions {
  applicationId: string;
  sessionId: string;
  seq: number;
  /** Event-scoped definitions; each event carries a valid value for `propertiesPerEvent` of them. */
  definitions: readonly TTrafficPropertyDefinition[];
  eventsPerBeacon: number;
  propertiesPerEvent: number;
  ts: number;
  origin?: string;
}

/**
 * A realistic fixed-shape beacon for load tests: a navigation, its load action, requests, clicks
 * and click actions, every event with the same number of valid properties, so a run's work per
 * beacon is constant and no property is dropped.
 */
export function buildBenchmarkBeacon(random: TRandom, options: TBenchmarkBeaconOptions): TBeacon {
  const origin = options.origin ?? 'https://shop.example';
  const page = random.pick(PAGES);
  const url = `${origin}${page.path}`;
  const usable = options.definitions.filter((definition) => definition.scope !== 'session');
  if (usable.length < options.propertiesPerEvent) throw new Error(`need ${options.propertiesPerEvent} event-scoped definitions, have ${usable.length}`);
  const events: TBeaconEvent[] = [];
  let ts = options.ts;
  for (let index = 0; index < options.eventsPerBeacon; index++) {
    const properties: TPropertyMap = {};
    for (const definition of usable.slice(0, options.propertiesPerEvent)) properties[definition.key] = validValueFor(random, definition, { ts });
    const base = { id: `e-${options.seq}-${index}`, ts, url, event_properties: properties };
    const kind = index === 0 ? 'navigation' : index === 1 ? 'load' : index % 3 === 0 ? 'request' : index % 3 === 1 ? 'click' : 'action';
    const target = random.pick(page.targets);
    const [method, api] = random.pick(page.apis);
    switch (kind) {
      case 'navigation':
        events.push({ ...base, type: 'navigation', timings: { ttfb: random.int(40, 400), dom_content_loaded: random.int(300, 900), load: random.int(900, 2500), lcp: random.int(500, 2000), cls: 0.02 } });
        break;
      case 'load':
        events.push({ ...base, type: 'user_action', action_type: 'load', name: `Loading of page ${page.path}`, duration: random.int(900, 2500), target_url: url, request_count: 12, error_count: 0 });
        break;
      case 'request':
        events.push({ ...base, type: 'request', url: `${origin}${api}`, method, status: random.chance(0.03) ? 503 : 200, duration: random.int(20, 600) });
        break;
      case 'click':
        events.push({ ...base, type: 'user_interaction', interaction: 'click', target: `button "${target}"` });
        break;
      default:
        events.push({ ...base, type: 'user_action', action_type: 'xhr', name: `click on "${target}"`, duration: random.int(50, 900), target_url: `${origin}${api}`, request_count: 1, error_count: 0 });
    }
    ts += random.int(5, 400);
  }
  const browser = random.weighted(BROWSERS);
  return {
    v: 1,
    app: options.applicationId,
    session: options.sessionId,
    instance: `i-${options.sessionId}`,
    seq: options.seq,
    sent_at: ts,
    page: { url, title: page.title, referrer: '' },
    device: { screen: random.pick(browser.screens), window: random.pick(browser.screens) },
    events,
  };
}
