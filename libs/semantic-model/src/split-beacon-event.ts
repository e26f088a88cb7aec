import type { TBeaconEvent } from './beacon-events';
import type { TPropertyMap } from './property-map';

export interface TSplitBeaconEvent {
  eventId: string;
  type: TBeaconEvent['type'];
  ts: number;
  url: string | null;
  /** The type-specific fields: what the `event.data` jsonb column holds. */
  data: Record<string, unknown>;
  eventProperties: TPropertyMap;
  sessionProperties: TPropertyMap;
}

const COLUMN_FIELDS = new Set(['id', 'type', 'ts', 'url', 'event_properties', 'session_properties']);

/**
 * Separates a parsed beacon event into the columns of the `event` table (properties still raw).
 * `data` is a fresh object the caller owns. A loop, not rest destructuring, which V8 runs on a
 * slow generic path; this is on the collector's per-event path.
 */
export function splitBeaconEvent(event: TBeaconEvent): TSplitBeaconEvent {
  const data: Record<string, unknown> = {};
  const fields = event as unknown as Record<string, unknown>;
  for (const key in fields) {
    if (!Object.hasOwn(fields, key) || COLUMN_FIELDS.has(key)) continue;
    // Plain assignment to "__proto__" would replace the prototype instead of storing data.
    if (key === '__proto__') Object.defineProperty(data, key, { value: fields[key], enumerable: true, writable: true, configurable: true });
    else data[key] = fields[key];
  }
  return {
    eventId: event.id,
    type: event.type,
    ts: event.ts,
    url: event.url ?? null,
    data,
    eventProperties: event.event_properties ?? {},
    sessionProperties: event.session_properties ?? {},
  };
}
