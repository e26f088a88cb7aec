export { BEACON_LIMITS } from './limits';
export { ZPropertyMap } from './property-map';
export type { TPropertyMap, TPropertyScalar } from './property-map';
export {
  EVENT_TYPES,
  ACTION_TYPES,
  INTERACTION_TYPES,
  ERROR_TYPES,
  ZTimings,
  ZBeaconEvent,
  ZNavigationEvent,
  ZUserActionEvent,
  ZRequestEvent,
  ZUserInteractionEvent,
  ZErrorEvent,
  ZSessionPropertyEvent,
  ZPageSummaryEvent,
  ZViewSummaryEvent,
  ZSessionEndEvent,
} from './beacon-events';
export type {
  TEventType,
  TTimings,
  TBeaconEvent,
  TNavigationEvent,
  TUserActionEvent,
  TRequestEvent,
  TUserInteractionEvent,
  TErrorEvent,
  TSessionPropertyEvent,
} from './beacon-events';
export { ZBeacon, ZBeaconPage, ZBeaconDevice } from './beacon';
export type { TBeacon, TBeaconPage, TBeaconDevice } from './beacon';
export { parseBeacon, MAX_REPORTED_ISSUES } from './parse-beacon';
export type { TParseBeaconResult } from './parse-beacon';
export { splitBeaconEvent } from './split-beacon-event';
export type { TSplitBeaconEvent } from './split-beacon-event';

export { ZSessionSummary, ZSessionPropertyValue, END_REASONS } from './session-summary';
export type { TSessionSummary, TSessionPropertyValue, TEndReason } from './session-summary';
export type { TStoredEvent, TStoredPropertyValue } from './stored-event';
export { compareEvents, orderEvents } from './event-order';
export { SESSION_AGGREGATIONS, aggregateSessionProperties } from './session-properties';
export type { TSessionAggregation, TSessionPropertyDefinition, TPropertyDataType } from './session-properties';
export { SESSION_CLOCK_RULES, isInvalidSession } from './session-validity';
export { buildSessionSummary } from './build-session-summary';
export type { TSessionContext, TSessionSummaryInput } from './build-session-summary';

export { buildUserActions, apdexCategoryOf, domainOf, MAX_ACTION_NAME_LENGTH } from './build-user-actions';
export { buildUserEvents, USER_TAG_EVENT_SUFFIX } from './build-user-events';
export { buildUserErrors } from './build-user-errors';
export { buildChildRows } from './build-child-rows';
export type { TChildRows } from './build-child-rows';
export type {
  TSessionRowKey,
  TUserActionRow,
  TUserEventRow,
  TUserErrorRow,
  TUserActionType,
  TUserEventType,
  TUserErrorType,
  TApdexCategory,
} from './child-rows';
