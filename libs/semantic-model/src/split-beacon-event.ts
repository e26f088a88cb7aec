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

/** Separates a parsed beacon event into the columns of the `event` table (properties still raw). */
export function splitBeaconEvent(event: TBeaconEvent): TSplitBeaconEvent {
  const { id, type, ts, url, event_properties, session_properties, ...data } = event;
  return {
    eventId: id,
    type,
    ts,
    url: url ?? null,
    data,
    eventProperties: event_properties ?? {},
    sessionProperties: session_properties ?? {},
  };
}
