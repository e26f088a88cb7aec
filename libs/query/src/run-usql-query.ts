import type { PrismaClient } from '@trailmark/db';
import { TrailmarkError } from '@trailmark/errors';
import { UsqlError, translateUsql, type TUsqlPropertyDefinition, type TUsqlTranslation } from '@trailmark/usql';
import type { TUsqlExecutor } from './executor';
import { formatRows, formatTree } from './format-result';
import { resolveApplicationScope, loadScopeDefinitions } from './scope';
import { DEFAULT_TIME_FRAME_MS, type TUsqlCaller, type TUsqlRequest, type TUsqlResultShape, type TUsqlTableResult, type TUsqlTreeResult } from './usql-request';

export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

export interface TUsqlQueryDeps {
  /** Reads applications and property definitions. */
  db: Pick<PrismaClient, 'application' | 'propertyDefinition'>;
  executor: TUsqlExecutor;
  statementTimeoutMs?: number;
  now?: () => number;
}

export type TUsqlQueryResult<S extends TUsqlResultShape> = S extends 'tree' ? TUsqlTreeResult : TUsqlTableResult;

function timeFrameOf(request: TUsqlRequest, now: number): { start: number; end: number } {
  const end = request.endTimestamp ?? (request.startTimestamp !== undefined ? Math.max(now, request.startTimestamp) : now);
  const start = request.startTimestamp ?? end - DEFAULT_TIME_FRAME_MS;
  if (start > end) {
    throw new TrailmarkError('VALIDATION', 'startTimestamp must not be after endTimestamp', {
      issues: [{ path: 'startTimestamp', rule: 'before_end', message: 'must not be after endTimestamp' }],
    });
  }
  return { start, end };
}

/**
 * Runs one USQL query for a caller: confines it to the applications the caller may read (and the
 * requested one), translates it against their property definitions, runs the single generated
 * SELECT read-only under a statement timeout and shapes the rows as USQL.md §6 describes.
 */
export async function runUsqlQuery<S extends TUsqlResultShape>(
  deps: TUsqlQueryDeps,
  caller: TUsqlCaller,
  request: TUsqlRequest,
  shape: S,
): Promise<TUsqlQueryResult<S>> {
  const now = deps.now?.() ?? Date.now();
  const timeoutMs = deps.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  rejectNulCharacters(request.query);
  const timeFrame = timeFrameOf(request, now);
  const applicationIds = await resolveApplicationScope(deps.db, caller, request.applicationId);
  const scope = await loadScopeDefinitions(deps.db, applicationIds);
  const translation = translateUsql(request.query, {
    definitions: scope.definitions as TUsqlPropertyDefinition[],
    applicationIds,
    timeFrame,
    now,
    offsetUtcMinutes: request.offsetUTC,
  });
  if (shape === 'tree' && (translation.shape === 'funnel' || translation.groupColumnCount === 0)) {
    throw new UsqlError('USQL_UNSUPPORTED', 'a tree result needs grouped leading items (GROUP BY or DISTINCT); ask /table for this query', { line: 1, column: 1, offset: 0 });
  }
  const rows = await deps.executor.runReadOnly({ sql: translation.sql, params: translation.params, columnCount: translation.columns.length }, timeoutMs);
  const explanations = request.explain ? explain(translation, scope.explanations, rows.length, request, timeoutMs, caller.canSeeSql) : undefined;
  if (shape === 'tree') {
    const tree = formatTree(rows, translation.columns, translation.groupColumnCount, request.offsetUTC);
    return (explanations ? { ...tree, explanations } : tree) as TUsqlQueryResult<S>;
  }
  const pageSize = request.pageSize ?? rows.length;
  const page = rows.slice(request.pageOffset, request.pageOffset + pageSize);
  const table: TUsqlTableResult = {
    columnNames: translation.columns.map((column) => column.name),
    values: formatRows(page, translation.columns, request.offsetUTC),
    extrapolationLevel: 1,
  };
  return (explanations ? { ...table, explanations } : table) as TUsqlQueryResult<S>;
}

/** PostgreSQL text cannot hold U+0000; refuse it where it stands instead of failing in the store. */
function rejectNulCharacters(query: string): void {
  const offset = query.indexOf('\u0000');
  if (offset < 0) return;
  const before = query.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before[before.length - 1] as string).length + 1;
  throw new UsqlError('USQL_SYNTAX', 'the query contains a NUL character (U+0000), which cannot be queried', { line, column, offset });
}

function explain(
  translation: TUsqlTranslation,
  scopeNotes: readonly string[],
  rowCount: number,
  request: TUsqlRequest,
  timeoutMs: number,
  canSeeSql: boolean,
): string[] {
  const notes = [...translation.explanations, ...scopeNotes, `statement timeout ${timeoutMs} ms; read-only transaction`, `${rowCount} rows`];
  if (request.pageOffset > 0 || request.pageSize !== undefined) notes.push(`page: offset ${request.pageOffset}, size ${request.pageSize ?? rowCount}`);
  if (request.offsetUTC !== 0) notes.push(`dates shifted by offsetUTC ${request.offsetUTC} min`);
  if (canSeeSql) notes.push(`SQL: ${translation.sql}`, `parameters: ${JSON.stringify(translation.params)}`);
  return notes;
}
