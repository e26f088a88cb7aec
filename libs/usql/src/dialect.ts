import type { TArithmeticOperator } from './ast';
import type { TColumnType, TScalarType } from './catalog';
import type { TAggregateFunction, TDateBucket, TDatePart } from './checked';

/** How a bind parameter is typed in SQL. Every parameter is cast, so the plan never guesses. */
export type TParamType = 'text' | 'text[]' | 'bigint' | 'numeric' | 'float8' | 'boolean' | 'integer';

/**
 * The SQL a dialect must produce. The generator decides the statement's shape (which tables,
 * joins, grouping) in portable terms and asks the dialect for every non-portable fragment, so a
 * ClickHouse dialect can be added beside the PostgreSQL one. All inputs are SQL fragments built
 * from catalog identifiers and parameter placeholders; none carry user text.
 */
export interface SqlDialect {
  readonly name: string;
  param(index: number, type: TParamType): string;
  identifier(name: string): string;
  column(alias: string, column: string): string;
  /** A text constant from the catalog (never user text). */
  catalogString(text: string): string;
  epochMsToDate(sql: string): string;
  dateToEpochMs(sql: string): string;
  /** One typed custom property of a row's `properties` map. */
  property(alias: string, keyParam: string, type: TScalarType): string;
  /** The row's properties restricted to the given keys, as one JSON object. */
  propertyMap(alias: string, keysParam: string): string;
  /** The keys of the row's properties among the given keys, as an array. */
  propertyKeys(alias: string, keysParam: string): string;
  /** A FROM item yielding one row per key of the row's properties, exposing `alias.key`. */
  propertyKeyRows(rowAlias: string, alias: string): string;
  arithmetic(op: TArithmeticOperator, left: string, right: string, integer: boolean): string;
  negate(sql: string): string;
  addDuration(date: string, monthsParam: string, msParam: string, subtract: boolean): string;
  addMs(date: string, ms: string, subtract: boolean): string;
  datePart(part: TDatePart, date: string, offsetParam: string): string;
  formatDate(date: string, formatParam: string, bucket: { sql: string; kind: TDateBucket['kind'] } | undefined, offsetParam: string): string;
  /** Translates a USQL date format (`yyyy-MM-dd HH:mm`) into the dialect's own format text. */
  translateDateFormat(format: string): string;
  like(operand: string, patternParam: string): string;
  toIp(sql: string): string;
  ipParam(param: string): string;
  aggregate(fn: TAggregateFunction, arg: string | undefined, options: { distinct: boolean; fractionParam?: string; filter?: string; argType?: TScalarType }): string;
  countRows(filter?: string): string;
  /** An aggregate: true when the condition is true on some row of the group, else false (never null). */
  anyRow(condition: string): string;
  /** The sum of a count column over the rows matching `filter`; 0 when none match. */
  sumCounts(counts: string, filter: string): string;
  topValues(arg: string, nParam: string, filter: string | undefined, convert: (value: string) => string): string;
  arraySubquery(select: string, from: string, where: string, orderBy: string): string;
  exists(from: string, where: string): string;
  /** `body` reading `name`, a query evaluated once (not inlined into `body` by the planner). */
  withMaterialized(name: string, select: string, body: string): string;
  jsonRecord(pairs: [string, string][]): string;
  /** The value as the driver should return it (dates as epoch ms numbers, counts as numbers). */
  output(sql: string, type: TColumnType | 'duration' | 'null'): string;
  /** A lateral join that numbers each child row of a session, exposing `alias.__rn`. */
  lateralChildren(table: string, alias: string, innerAlias: string, link: string, orderBy: string): string;
  windowSum(sql: string, partitionBy: string): string;
  denseRank(orderBy: string): string;
}

/** The parameter type of a literal of a USQL type (dates travel as epoch ms). */
export function castFor(type: TScalarType): TParamType {
  switch (type) {
    case 'string':
      return 'text';
    case 'long':
      return 'numeric';
    case 'double':
      return 'float8';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'float8';
  }
}
