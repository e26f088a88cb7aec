import type { TSessionRowKey, TUserEventRow, TUserEventType } from './child-rows';
import { orderEvents } from './event-order';
import { readString, type TStoredEvent } from './stored-event';

const INTERACTION_TYPE_NAMES: ReadonlyMap<string, TUserEventType> = new Map([
  ['click', 'Click'],
  ['tap', 'Tap'],
  ['keypress', 'KeyPress'],
  ['scroll', 'Scroll'],
]);

/** Suffix of the synthetic event id of a UserTag row, so it never collides with its carrier event's row. */
export const USER_TAG_EVENT_SUFFIX = ':user_tag';

/**
 * `user_event` rows: navigations become PageChange, interactions Click/Tap/KeyPress/Scroll, and
 * every change of the (non-empty) user tag, including the first one, a UserTag row.
 */
export function buildUserEvents(events: readonly TStoredEvent[], session: TSessionRowKey): TUserEventRow[] {
  const rows: TUserEventRow[] = [];
  let currentTag: string | null = null;
  for (const event of orderEvents(events)) {
    const row = toUserEventRow(event, session);
    if (row !== null) rows.push(row);
    if (event.userTag && event.userTag !== currentTag) {
      currentTag = event.userTag;
      rows.push(userTagRow(event, currentTag, session));
    }
  }
  return rows;
}

function toUserEventRow(event: TStoredEvent, session: TSessionRowKey): TUserEventRow | null {
  if (event.type === 'navigation') {
    return baseRow(event, session, 'PageChange', readString(event.data, 'title') ?? event.url ?? '');
  }
  if (event.type !== 'user_interaction') return null;
  const type = INTERACTION_TYPE_NAMES.get(readString(event.data, 'interaction') ?? '');
  return type === undefined ? null : baseRow(event, session, type, readString(event.data, 'target') ?? '');
}

function userTagRow(event: TStoredEvent, tag: string, session: TSessionRowKey): TUserEventRow {
  return { ...baseRow(event, session, 'UserTag', tag), eventId: `${event.eventId}${USER_TAG_EVENT_SUFFIX}` };
}

function baseRow(event: TStoredEvent, session: TSessionRowKey, type: TUserEventType, name: string): TUserEventRow {
  return {
    applicationId: session.applicationId,
    sessionId: session.sessionId,
    sessionStartTime: session.sessionStartTime,
    eventId: event.eventId,
    name,
    type,
    page: event.url,
    pageReferrer: readString(event.data, 'referrer'),
    startTime: event.ts,
  };
}
