import { splitBeaconEvent } from '@trailmark/semantic-model';
import type { TBeacon } from '@trailmark/semantic-model';
import { buildBenchmarkBeacon, createRandom } from '@trailmark/traffic';
import type { TTrafficPropertyDefinition } from '@trailmark/traffic';
import { validateProperties } from '@trailmark/validation-rules';
import type { TPropertyDefinitionLike } from '@trailmark/validation-rules';

const SID = '__SID__';
const SEQ = 987_654_321;
const SENT = 123_456_789_012;

/**
 * A beacon serialised once with placeholders for session id, seq and sent_at; filling one in is
 * a few string concatenations, so generating load costs next to nothing during the measurement.
 */
export interface TBeaconTemplate {
  parts: string[];
  slots: Array<'sid' | 'seq' | 'sent'>;
  events: number;
  rows: TBaselineRowTemplate[];
}

/** One `event` row as the collector stores it, minus the session id and seq filled in per beacon. */
export interface TBaselineRowTemplate {
  eventIdSuffix: string;
  type: string;
  ts: string;
  url: string | null;
  data: string;
  properties: string;
  sessionProperties: string;
}

const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

function split(text: string): Pick<TBeaconTemplate, 'parts' | 'slots'> {
  const parts: string[] = [];
  const slots: TBeaconTemplate['slots'] = [];
  const pattern = new RegExp(`${SID}|${SEQ}|${SENT}`, 'g');
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index));
    slots.push(match[0] === SID ? 'sid' : match[0] === String(SEQ) ? 'seq' : 'sent');
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(text.slice(last));
  return { parts, slots };
}

export function buildTemplates(options: {
  count: number;
  applicationId: string;
  definitions: readonly (TTrafficPropertyDefinition & TPropertyDefinitionLike)[];
  eventsPerBeacon: number;
  propertiesPerEvent: number;
}): TBeaconTemplate[] {
  const random = createRandom('bench-ingest');
  const templates: TBeaconTemplate[] = [];
  const context = { definitions: options.definitions, dnt: false, appHonoursDnt: true };
  for (let index = 0; index < options.count; index++) {
    const beacon: TBeacon = buildBenchmarkBeacon(random, {
      applicationId: options.applicationId,
      sessionId: SID,
      seq: SEQ,
      definitions: options.definitions,
      eventsPerBeacon: options.eventsPerBeacon,
      propertiesPerEvent: options.propertiesPerEvent,
      ts: Date.now() - 60_000,
    });
    beacon.instance = `i-${index}`;
    beacon.sent_at = SENT;
    const rows = beacon.events.map((event) => {
      const split = splitBeaconEvent(event);
      return {
        eventIdSuffix: split.eventId.replace(`e-${SEQ}-`, ''),
        type: split.type,
        ts: new Date(split.ts).toISOString(),
        url: split.url,
        data: json(split.data),
        properties: json(validateProperties(split.eventProperties, 'event', context).values),
        sessionProperties: json(validateProperties(split.sessionProperties, 'session', context).values),
      };
    });
    const filled = split(JSON.stringify(beacon));
    const count = (kind: string) => filled.slots.filter((slot) => slot === kind).length;
    if (count('sid') !== 1 || count('sent') !== 1 || count('seq') !== beacon.events.length + 1) throw new Error('a placeholder collided with generated data');
    templates.push({ ...filled, events: beacon.events.length, rows });
  }
  return templates;
}

export function fillTemplate(template: TBeaconTemplate, sessionId: string, seq: number, sentAt: number): string {
  let out = template.parts[0] ?? '';
  for (let i = 0; i < template.slots.length; i++) {
    const slot = template.slots[i];
    out += (slot === 'sid' ? sessionId : slot === 'seq' ? String(seq) : String(sentAt)) + (template.parts[i + 1] ?? '');
  }
  return out;
}
