import { buildUserActions } from './build-user-actions';
import { buildUserErrors } from './build-user-errors';
import { buildUserEvents } from './build-user-events';
import type { TSessionRowKey, TUserActionRow, TUserErrorRow, TUserEventRow } from './child-rows';
import type { TStoredEvent } from './stored-event';

export interface TChildRows {
  userActions: TUserActionRow[];
  userEvents: TUserEventRow[];
  userErrors: TUserErrorRow[];
}

/** All child-table rows of one closed session, as the worker writes them next to the summary. */
export function buildChildRows(input: {
  events: readonly TStoredEvent[];
  session: TSessionRowKey;
  apdexThresholdMs: number;
}): TChildRows {
  return {
    userActions: buildUserActions(input.events, input.apdexThresholdMs, input.session),
    userEvents: buildUserEvents(input.events, input.session),
    userErrors: buildUserErrors(input.events, input.session),
  };
}
