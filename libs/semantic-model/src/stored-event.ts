import type { TEventType } from './beacon-events';

/** A stored property value as read back from the `event` table's jsonb columns. */
export type TStoredPropertyValue = string | number | boolean | bigint;

/** One row of the `event` table as the worker reads it (docs/storage.md). */
export interface TStoredEvent {
  eventId: string;
  type: TEventType | (string & {});
  ts: number;
  instanceId: string;
  userTag: string | null;
  url: string | null;
  /** The type-specific fields of the beacon event, snake_case as sent. */
  data: Readonly<Record<string, unknown>>;
  properties: Readonly<Record<string, TStoredPropertyValue>>;
  sessionProperties: Readonly<Record<string, TStoredPropertyValue>>;
}

// `data` is jsonb written by an older or newer collector, so it is read defensively.
export function readNumber(data: Readonly<Record<string, unknown>>, field: string): number | null {
  const value = data[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function readString(data: Readonly<Record<string, unknown>>, field: string): string | null {
  const value = data[field];
  return typeof value === 'string' ? value : null;
}

export function readObject(data: Readonly<Record<string, unknown>>, field: string): Readonly<Record<string, unknown>> {
  const value = data[field];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
