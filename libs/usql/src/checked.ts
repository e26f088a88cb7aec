import type { TArithmeticOperator, TComparisonOperator } from './ast';
import type { TChildTable, TColumnType, TFieldDefinition, TScalarType, TUsqlTable } from './catalog';
import type { TDuration } from './literals';
import type { TSourcePosition } from './usql-error';

/** The checked tree: names resolved, types known, constants folded. Dialect-independent. */
export type TValueType = TScalarType | 'duration' | 'null' | 'array' | 'json';

export type TAggregateFunction = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'percentile';
export type TDatePart = 'year' | 'month' | 'day' | 'hour' | 'minute';
export type TDateBucket = { kind: 'unit'; unit: 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second' } | { kind: 'seconds'; seconds: number };

export type TCheckedExpr =
  | { kind: 'field'; table: TUsqlTable; field: TFieldDefinition; type: TScalarType }
  | { kind: 'property'; table: 'usersession' | 'useraction'; key: string; type: TScalarType }
  | { kind: 'propertyMap'; table: 'usersession' | 'useraction'; keys: string[]; type: 'json' }
  | { kind: 'keys'; table: 'usersession' | 'useraction'; keys: string[]; type: 'array' }
  | { kind: 'json'; table: TUsqlTable; type: 'json' }
  | { kind: 'literal'; value: string | number | boolean | null; type: TScalarType | 'null' }
  | { kind: 'duration'; duration: TDuration; type: 'duration' }
  | { kind: 'arith'; op: TArithmeticOperator; left: TCheckedExpr; right: TCheckedExpr; type: TValueType }
  | { kind: 'negate'; operand: TCheckedExpr; type: TValueType }
  | { kind: 'datePart'; part: TDatePart; operand: TCheckedExpr; type: 'long' }
  | { kind: 'datetime'; operand: TCheckedExpr; format: string; bucket?: TDateBucket; type: 'string' }
  | {
      kind: 'aggregate';
      fn: TAggregateFunction;
      /** Absent for COUNT(*). */
      arg?: TCheckedExpr;
      distinct: boolean;
      /** PERCENTILE / MEDIAN: the fraction 0..1. */
      fraction?: number;
      condition?: TCheckedCond;
      type: TValueType;
    }
  | { kind: 'top'; operand: TCheckedExpr; n: number; type: TValueType };

export type TCheckedCond =
  | { kind: 'and' | 'or'; left: TCheckedCond; right: TCheckedCond }
  | { kind: 'not'; operand: TCheckedCond }
  | { kind: 'compare'; op: TComparisonOperator; left: TCheckedExpr; right: TCheckedExpr; ip: boolean }
  | { kind: 'isNull'; operand: TCheckedExpr; negated: boolean }
  | { kind: 'in'; operand: TCheckedExpr; values: TCheckedExpr[]; negated: boolean }
  | { kind: 'between'; operand: TCheckedExpr; low: TCheckedExpr; high: TCheckedExpr; negated: boolean; ip: boolean }
  | { kind: 'like'; operand: TCheckedExpr; pattern: string; negated: boolean }
  | { kind: 'truthy'; operand: TCheckedExpr };

export interface TCheckedItem {
  name: string;
  expr: TCheckedExpr;
  columnType: TColumnType;
  /** The item is a grouping key (named in GROUP BY, or implied by DISTINCT). */
  grouped: boolean;
  /** A non-grouped child-table value on a usersession query: one array per session. */
  childArray?: TChildTable;
  /** `DISTINCT KEYS(...)`: one row per key instead of an array per record. */
  keyRows?: boolean;
  filter?: { op: TComparisonOperator; value: TCheckedExpr };
  pos: TSourcePosition;
}

export interface TCheckedOrder {
  itemIndex?: number;
  expr: TCheckedExpr;
  descending: boolean;
}

export interface TCheckedFunnelStep {
  label: string;
  condition: TCheckedCond;
}

export interface TCheckedQuery {
  table: TUsqlTable;
  shape: 'table' | 'funnel';
  items: TCheckedItem[];
  funnel: TCheckedFunnelStep[];
  where?: TCheckedCond;
  /** Grouping keys: select items by index, or expressions not selected. */
  groupBy: { itemIndex?: number; expr: TCheckedExpr }[];
  grouped: boolean;
  orderBy: TCheckedOrder[];
  limit: number;
  includeInvalid: boolean;
  /** The child table aggregated row by row on a usersession query (joined laterally). */
  aggregatedChild?: TChildTable;
  explanations: string[];
}
