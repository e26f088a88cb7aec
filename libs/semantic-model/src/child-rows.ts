import type { TStoredPropertyValue } from './stored-event';

/** Identifies the session the child rows belong to; `sessionStartTime` bounds them without a join. */
export interface TSessionRowKey {
  applicationId: string;
  sessionId: string;
  sessionStartTime: number;
}

export type TUserActionType = 'Load' | 'Xhr' | 'Custom';
export type TApdexCategory = 'SATISFIED' | 'TOLERATING' | 'FRUSTRATED';
export type TUserEventType = 'PageChange' | 'Click' | 'Tap' | 'KeyPress' | 'Scroll' | 'UserTag';
export type TUserErrorType = 'Error' | 'HttpError' | 'CspViolation';

/** A `user_action` row (docs/storage.md), camelCase; times in epoch ms. */
export interface TUserActionRow extends TSessionRowKey {
  eventId: string;
  name: string;
  type: TUserActionType;
  targetUrl: string | null;
  domain: string | null;
  apdexCategory: TApdexCategory;
  startTime: number;
  endTime: number;
  duration: number;
  requestCount: number;
  requestErrorCount: number;
  javascriptErrorCount: number;
  largestContentfulPaint: number | null;
  cumulativeLayoutShift: number | null;
  interactionToNextPaint: number | null;
  timeToFirstByte: number | null;
  domContentLoadedTime: number | null;
  loadEventEnd: number | null;
  properties: Record<string, TStoredPropertyValue>;
}

/** A `user_event` row. */
export interface TUserEventRow extends TSessionRowKey {
  eventId: string;
  name: string;
  type: TUserEventType;
  page: string | null;
  pageReferrer: string | null;
  startTime: number;
}

/** A `user_error` row; `name` is the error message. */
export interface TUserErrorRow extends TSessionRowKey {
  eventId: string;
  name: string;
  type: TUserErrorType;
  status: number | null;
  page: string | null;
  startTime: number;
}
