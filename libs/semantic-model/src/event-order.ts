import type { TStoredEvent } from './stored-event';

/** Total order on events: by ts, then eventId. Everything order-dependent in a summary uses it. */
export function compareEvents(a: TStoredEvent, b: TStoredEvent): number {
  if (a.ts !== b.ts) return a.ts < b.ts ? -1 : 1;
  if (a.eventId === b.eventId) return 0;
  return a.eventId < b.eventId ? -1 : 1;
}

/**
 * Drops repeated eventIds and sorts, so arrival order never matters. Copies sharing an id are
 * normally identical (the id is the store's dedup key); if they differ, the earliest by ts, then
 * by content, is kept, which is still independent of arrival order.
 */
export function orderEvents(events: readonly TStoredEvent[]): TStoredEvent[] {
  const byId = new Map<string, TStoredEvent>();
  for (const event of events) {
    const kept = byId.get(event.eventId);
    if (kept === undefined || prefer(event, kept)) byId.set(event.eventId, event);
  }
  return [...byId.values()].sort(compareEvents);
}

function prefer(candidate: TStoredEvent, kept: TStoredEvent): boolean {
  if (candidate.ts !== kept.ts) return candidate.ts < kept.ts;
  if (candidate === kept) return false;
  return fingerprint(candidate) < fingerprint(kept);
}

function fingerprint(event: TStoredEvent): string {
  return JSON.stringify(event, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
}
