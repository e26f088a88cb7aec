export { closeSessions, closeLockedSessions } from './close-sessions';
export type { TCloseRequest, TCloseResult, TCloseOptions } from './close-sessions';
export { closeExpiredSessions, closeExpiredBatch } from './close-expired';
export type { TCloseExpiredOptions, TCloseExpiredResult } from './close-expired';
export { createCloseBatcher } from './close-batcher';
export type { TCloseBatcher, TCloseBatcherOptions, TCloseOutcome } from './close-batcher';
export { listLiveSessions } from './live-sessions';
export { listClosedSessions, findSessionSummary, getSessionDetail } from './closed-sessions';
export {
  ZLiveSessionsQuery,
  ZLiveSession,
  ZLiveSessionPage,
  ZSessionListQuery,
  ZClosedSession,
  ZSessionPage,
  ZSessionGetQuery,
  ZTimelineEvent,
  ZSessionDetail,
} from './session-views';
export type {
  TLiveSessionsQuery,
  TLiveSession,
  TLiveSessionPage,
  TSessionListQuery,
  TClosedSession,
  TSessionPage,
  TSessionGetQuery,
  TSessionDetail,
} from './session-views';
export { pgReader, prismaReader } from './sql-reader';
export type { TSqlReader } from './sql-reader';
export type { TSessionKey } from './session-key';
export { parseJsonWithLongs, stringifyWithLongs } from './json-longs';
