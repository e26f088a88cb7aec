export { runUsqlQuery, DEFAULT_STATEMENT_TIMEOUT_MS } from './run-usql-query';
export type { TUsqlQueryDeps, TUsqlQueryResult } from './run-usql-query';
export { createPgExecutor, createPrismaExecutor, mapStoreError } from './executor';
export type { TUsqlExecutor } from './executor';
export { resolveApplicationScope, loadScopeDefinitions } from './scope';
export type { TScopeDefinitions } from './scope';
export { formatTable, formatTree } from './format-result';
export {
  ZUsqlRequest,
  ZUsqlTableResult,
  ZUsqlTreeResult,
  USQL_RESULT_SHAPES,
  DEFAULT_TIME_FRAME_MS,
  MAX_PAGE_SIZE,
  MAX_QUERY_LENGTH,
} from './usql-request';
export type { TUsqlRequest, TUsqlRequestInput, TUsqlResultShape, TUsqlTableResult, TUsqlTreeResult, TUsqlCaller } from './usql-request';
