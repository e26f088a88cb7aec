/**
 * A deliberately naive evaluator of a USQL subset over in-memory rows: filters on fields and
 * properties (on a usersession query also existential conditions on its actions), GROUP BY with
 * COUNT/SUM/MIN/MAX, ORDER BY and LIMIT, and FUNNEL. It mirrors the language's
 * semantics (SQL three-valued logic, NULLS LAST, tenant/frame/invalid scoping) so the
 * differential test can compare it with what PostgreSQL returns for the translated SQL.
 */
export type TRefValue = string | number | null;
export type TRefType = 'string' | 'long' | 'double';

export interface TRefSession {
  application_id: string;
  session_id: string;
  start_time: number;
  is_invalid: boolean;
  country: string | null;
  browser_name: string | null;
  duration: number | null;
  user_action_count: number | null;
  properties: Record<string, unknown>;
}

export interface TRefAction {
  application_id: string;
  session_id: string;
  event_id: string;
  session_start_time: number;
  start_time: number;
  name: string | null;
  duration: number | null;
  properties: Record<string, unknown>;
}

/** On a usersession query, `children` are the session's actions in the frame. */
export type TRefRow = { session: TRefSession; action?: TRefAction; children?: readonly TRefAction[] };

export interface TRefField {
  usql: string;
  type: TRefType;
  /** An action field named on a usersession query: a condition on it holds if some action matches. */
  child?: boolean;
  get(row: TRefRow): TRefValue;
}

export type TRefCond =
  | { kind: 'cmp'; field: TRefField; op: '=' | '!=' | '<' | '>' | '<=' | '>='; value: string | number }
  | { kind: 'in'; field: TRefField; values: (string | number)[]; negated: boolean }
  | { kind: 'between'; field: TRefField; low: number; high: number }
  | { kind: 'isNull'; field: TRefField; negated: boolean }
  | { kind: 'startsWith'; field: TRefField; prefix: string }
  | { kind: 'and' | 'or'; left: TRefCond; right: TRefCond }
  | { kind: 'not'; operand: TRefCond };

export type TRefAggregate = { fn: 'COUNT'; field?: undefined } | { fn: 'SUM' | 'MIN' | 'MAX' | 'COUNT'; field: TRefField };

export interface TRefQuery {
  table: 'usersession' | 'useraction';
  where?: TRefCond;
  select:
    | { kind: 'rows'; fields: TRefField[]; orderBy: TRefField; descending: boolean; tiebreak: TRefField; limit: number }
    | { kind: 'group'; key: TRefField; aggregates: TRefAggregate[]; byCountDesc: boolean; limit: number }
    | { kind: 'funnel'; steps: TRefCond[] };
}

export interface TRefScope {
  applicationIds: string[];
  frame: { start: number; end: number };
}

const typed = (value: unknown, type: TRefType): TRefValue => {
  if (type === 'string') return typeof value === 'string' ? value : null;
  return typeof value === 'number' ? value : null;
};

export const sessionField = (usql: string, column: keyof TRefSession, type: TRefType): TRefField => ({
  usql,
  type,
  get: (row) => typed(row.session[column], type),
});
export const actionField = (usql: string, column: keyof TRefAction, type: TRefType): TRefField => ({
  usql,
  type,
  get: (row) => typed(row.action?.[column], type),
});
export const sessionProperty = (usql: string, key: string, type: TRefType): TRefField => ({
  usql,
  type,
  get: (row) => typed(row.session.properties[key], type),
});
export const actionProperty = (usql: string, key: string, type: TRefType): TRefField => ({
  usql,
  type,
  get: (row) => typed(row.action?.properties[key], type),
});

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
}

function condText(cond: TRefCond): string {
  switch (cond.kind) {
    case 'cmp':
      return `${cond.field.usql} ${cond.op} ${literal(cond.value)}`;
    case 'in':
      // `f NOT IN (…)`, one condition: on a child field it is existential as a whole, unlike `NOT f IN (…)`.
      return `${cond.field.usql} ${cond.negated ? 'NOT ' : ''}IN (${cond.values.map(literal).join(', ')})`;
    case 'between':
      return `${cond.field.usql} BETWEEN ${cond.low} AND ${cond.high}`;
    case 'isNull':
      return `${cond.field.usql} IS ${cond.negated ? 'NOT ' : ''}NULL`;
    case 'startsWith':
      return `${cond.field.usql} STARTSWITH ${literal(cond.prefix)}`;
    case 'and':
    case 'or':
      return `(${condText(cond.left)} ${cond.kind.toUpperCase()} ${condText(cond.right)})`;
    case 'not':
      return `NOT (${condText(cond.operand)})`;
  }
}

/** The same field named from a usersession query (`useraction.` prefix), existential there. */
export function childOf(field: TRefField): TRefField {
  return { ...field, usql: field.usql.startsWith('useraction.') ? field.usql : `useraction.${field.usql}`, child: true };
}

/** The USQL text of a reference query. */
export function toUsql(query: TRefQuery): string {
  const where = query.where ? ` WHERE ${condText(query.where)}` : '';
  if (query.select.kind === 'funnel') {
    return `SELECT FUNNEL(${query.select.steps.map((step, i) => `${condText(step)} AS "step ${i}"`).join(', ')}) FROM ${query.table}${where}`;
  }
  if (query.select.kind === 'rows') {
    const { fields, orderBy, descending, tiebreak, limit } = query.select;
    return `SELECT ${fields.map((f) => f.usql).join(', ')} FROM ${query.table}${where} ORDER BY ${orderBy.usql}${descending ? ' DESC' : ''}, ${tiebreak.usql} LIMIT ${limit}`;
  }
  const { key, aggregates, byCountDesc, limit } = query.select;
  const aggs = aggregates.map((a) => (a.field ? `${a.fn}(${a.field.usql})` : 'COUNT(*)'));
  const order = byCountDesc ? `COUNT(*) DESC, ${key.usql}` : key.usql;
  return `SELECT ${key.usql}, ${aggs.join(', ')} FROM ${query.table}${where} GROUP BY ${key.usql} ORDER BY ${order} LIMIT ${limit}`;
}

type TTruth = boolean | null;

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function evaluate(cond: TRefCond, row: TRefRow): TTruth {
  if ('field' in cond && cond.field.child && !row.action) {
    // Existential on its own: some action of the session (in the frame) satisfies the condition.
    return (row.children ?? []).some((action) => evaluate(cond, { session: row.session, action }) === true);
  }
  switch (cond.kind) {
    case 'and': {
      const l = evaluate(cond.left, row);
      const r = evaluate(cond.right, row);
      if (l === false || r === false) return false;
      return l === null || r === null ? null : true;
    }
    case 'or': {
      const l = evaluate(cond.left, row);
      const r = evaluate(cond.right, row);
      if (l === true || r === true) return true;
      return l === null || r === null ? null : false;
    }
    case 'not': {
      const v = evaluate(cond.operand, row);
      return v === null ? null : !v;
    }
    case 'isNull': {
      const isNull = cond.field.get(row) === null;
      return cond.negated ? !isNull : isNull;
    }
    default:
      break;
  }
  const value = cond.field.get(row);
  if (value === null) return null;
  switch (cond.kind) {
    case 'cmp': {
      const c = compare(value, cond.value);
      return { '=': c === 0, '!=': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[cond.op];
    }
    case 'in': {
      const found = cond.values.some((v) => compare(value, v) === 0);
      return cond.negated ? !found : found;
    }
    case 'between':
      return compare(value, cond.low) >= 0 && compare(value, cond.high) <= 0;
    case 'startsWith':
      return String(value).startsWith(cond.prefix);
  }
}

/** Ascending with NULLS LAST; `descending` flips values but keeps nulls last, as USQL does. */
function orderValues(a: TRefValue, b: TRefValue, descending: boolean): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const c = compare(a, b);
  return descending ? -c : c;
}

export function evaluateReference(query: TRefQuery, sessions: readonly TRefSession[], actions: readonly TRefAction[], scope: TRefScope): TRefValue[][] {
  const visible = sessions.filter(
    (s) => scope.applicationIds.includes(s.application_id) && s.start_time >= scope.frame.start && s.start_time < scope.frame.end && !s.is_invalid,
  );
  let rows: TRefRow[];
  const inFrame = (action: TRefAction): boolean => action.session_start_time >= scope.frame.start && action.session_start_time < scope.frame.end;
  if (query.table === 'usersession') {
    rows = visible.map((session) => ({
      session,
      children: actions.filter((a) => a.application_id === session.application_id && a.session_id === session.session_id && inFrame(a)),
    }));
  } else {
    rows = actions.flatMap((action) => {
      const session = visible.find((s) => s.application_id === action.application_id && s.session_id === action.session_id);
      return session && inFrame(action) && scope.applicationIds.includes(action.application_id) ? [{ session, action }] : [];
    });
  }
  const where = query.where;
  if (where) rows = rows.filter((row) => evaluate(where, row) === true);

  if (query.select.kind === 'funnel') {
    const { steps } = query.select;
    return [steps.map((_, k) => rows.filter((row) => steps.slice(0, k + 1).every((step) => evaluate(step, row) === true)).length)];
  }
  if (query.select.kind === 'rows') {
    const { fields, orderBy, descending, tiebreak, limit } = query.select;
    return rows
      .sort((a, b) => orderValues(orderBy.get(a), orderBy.get(b), descending) || orderValues(tiebreak.get(a), tiebreak.get(b), false))
      .slice(0, limit)
      .map((row) => fields.map((f) => f.get(row)));
  }
  const { key, aggregates, byCountDesc, limit } = query.select;
  const groups = new Map<string, { key: TRefValue; rows: TRefRow[] }>();
  for (const row of rows) {
    const k = key.get(row);
    const id = JSON.stringify(k);
    const group = groups.get(id) ?? { key: k, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  const ordered = [...groups.values()].sort((a, b) => {
    if (byCountDesc && a.rows.length !== b.rows.length) return b.rows.length - a.rows.length;
    return orderValues(a.key, b.key, false);
  });
  const result = ordered.map((group) => [
    group.key,
    ...aggregates.map((agg): TRefValue => {
      if (!agg.field) return group.rows.length;
      const field = agg.field;
      const values = group.rows.map((r) => field.get(r)).filter((v): v is string | number => v !== null);
      if (agg.fn === 'COUNT') return values.length;
      if (values.length === 0) return null;
      if (agg.fn === 'SUM') return (values as number[]).reduce((sum, v) => sum + v, 0);
      const sorted = [...values].sort(compare);
      return (agg.fn === 'MIN' ? sorted[0] : sorted[sorted.length - 1]) as string | number;
    }),
  ]);
  return result.slice(0, limit);
}
