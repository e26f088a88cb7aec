import type { TSourcePosition } from './usql-error';

/** Every node knows where it was written: `pos` for errors, `start`/`end` to echo its text. */
export interface TNodeBase {
  pos: TSourcePosition;
  start: number;
  end: number;
}

export type TArithmeticOperator = '+' | '-' | '*' | '/' | '%';
export type TComparisonOperator = '=' | '!=' | '<' | '>' | '<=' | '>=';

export type TExprNode = TNodeBase &
  (
    | { kind: 'number'; text: string }
    | { kind: 'string'; value: string }
    | { kind: 'boolean'; value: boolean }
    | { kind: 'null' }
    | { kind: 'variable'; name: string }
    | { kind: 'path'; path: string }
    | { kind: 'call'; name: string; nameText: string; args: TExprNode[]; distinct: boolean; star: boolean; condition?: TCondNode }
    | { kind: 'binary'; op: TArithmeticOperator; left: TExprNode; right: TExprNode }
    | { kind: 'negate'; operand: TExprNode }
  );

export type TCondNode = TNodeBase &
  (
    | { kind: 'and' | 'or'; left: TCondNode; right: TCondNode }
    | { kind: 'not'; operand: TCondNode }
    | { kind: 'compare'; op: TComparisonOperator; left: TExprNode; right: TExprNode }
    | { kind: 'isNull'; operand: TExprNode; negated: boolean }
    | { kind: 'in'; operand: TExprNode; values: TExprNode[]; negated: boolean }
    | { kind: 'between'; operand: TExprNode; low: TExprNode; high: TExprNode; negated: boolean }
    | { kind: 'like' | 'startsWith'; operand: TExprNode; pattern: TExprNode; negated: boolean }
    | { kind: 'truthy'; operand: TExprNode }
  );

export interface TFunnelStepNode {
  condition: TCondNode;
  label?: string;
}

export interface TItemFilter {
  op: TComparisonOperator;
  value: TExprNode;
  pos: TSourcePosition;
}

export type TSelectItemNode = TNodeBase &
  (
    | { kind: 'star'; table?: string }
    | { kind: 'json' }
    | { kind: 'expr'; expr: TExprNode; alias?: string; filter?: TItemFilter }
    | { kind: 'funnel'; steps: TFunnelStepNode[] }
  );

export interface TNameRef {
  name: string;
  quoted: boolean;
  pos: TSourcePosition;
  /** Set when the reference was written as a function call, which GROUP BY refuses. */
  isCall?: boolean;
}

export interface TOrderItemNode {
  expr: TExprNode;
  descending: boolean;
  pos: TSourcePosition;
}

export interface TQueryNode {
  distinct: boolean;
  items: TSelectItemNode[];
  from: { name: string; pos: TSourcePosition };
  where?: TCondNode;
  groupBy: TNameRef[];
  orderBy: TOrderItemNode[];
  limit?: { value: number; pos: TSourcePosition };
  /** Position of the keyword of each optional clause, for errors about the clause itself. */
  clausePos: { groupBy?: TSourcePosition; orderBy?: TSourcePosition; limit?: TSourcePosition };
}
