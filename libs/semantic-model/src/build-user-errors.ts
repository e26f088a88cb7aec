import type { TSessionRowKey, TUserErrorRow, TUserErrorType } from './child-rows';
import { orderEvents } from './event-order';
import { readNumber, readString, type TStoredEvent } from './stored-event';

const ERROR_TYPE_NAMES: ReadonlyMap<string, TUserErrorType> = new Map([
  ['js', 'Error'],
  ['http', 'HttpError'],
  ['csp', 'CspViolation'],
]);

/** One `user_error` row per error event; an unknown error_type is recorded as a plain Error. */
export function buildUserErrors(events: readonly TStoredEvent[], session: TSessionRowKey): TUserErrorRow[] {
  return orderEvents(events)
    .filter((event) => event.type === 'error')
    .map((event) => ({
      applicationId: session.applicationId,
      sessionId: session.sessionId,
      sessionStartTime: session.sessionStartTime,
      eventId: event.eventId,
      name: readString(event.data, 'message') ?? '',
      type: ERROR_TYPE_NAMES.get(readString(event.data, 'error_type') ?? '') ?? 'Error',
      status: readNumber(event.data, 'status'),
      page: event.url ?? readString(event.data, 'source_url'),
      startTime: event.ts,
    }));
}
