import type { TComparisonOperator, TCondNode, TExprNode, TNameRef, TQueryNode, TSelectItemNode } from './ast';
import {
  FUNCTION_NAMES,
  PROPERTY_NAMESPACES,
  TABLES,
  TABLE_NAMES,
  findField,
  findTable,
  propertyNamespaceOf,
  type TChildTable,
  type TColumnType,
  type TPropertyDataType,
  type TScalarType,
  type TUsqlTable,
} from './catalog';
import type {
  TCheckedCond,
  TCheckedExpr,
  TCheckedFunnelStep,
  TCheckedItem,
  TCheckedOrder,
  TCheckedQuery,
  TDateBucket,
  TDatePart,
  TValueType,
} from './checked';
import { isIpAddress, parseDateLiteral, parseDuration, toPrefixLikePattern, toSqlLikePattern, type TDuration } from './literals';
import type { TUsqlPropertyDefinition } from './property-definition';
import { closestNames, didYouMean } from './suggest';
import { UsqlError, type TSourcePosition, type TUsqlErrorCode } from './usql-error';

export interface TCheckOptions {
  text: string;
  definitions: readonly TUsqlPropertyDefinition[];
  now: number;
  timeFrame: { start: number; end: number };
  offsetUtcMinutes: number;
  defaultLimit: number;
  maxLimit: number;
  maxGroups: number;
}

export const MAX_TOP = 100_000;
const MAX_ORDER_ITEMS = 5;
const MIN_FUNNEL_STEPS = 2;
const MAX_FUNNEL_STEPS = 10;
const DATE_PARTS: Readonly<Record<string, TDatePart>> = { YEAR: 'year', MONTH: 'month', DAY: 'day', HOUR: 'hour', MINUTE: 'minute' };
const BUCKET_UNITS = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const;
const REGEX_FUNCTIONS = new Set(['REGEXP', 'REGEXP_LIKE', 'RLIKE', 'MATCHES', 'REGEX', 'MATCHESREGEX']);

const fail = (code: TUsqlErrorCode, message: string, pos: TSourcePosition): never => {
  throw new UsqlError(code, message, pos);
};

const isNumeric = (type: TValueType): boolean => type === 'long' || type === 'double';

/** Structural identity of an expression, used to match ORDER BY / GROUP BY to select items. */
export function exprKey(expr: TCheckedExpr): string {
  return JSON.stringify(expr, (key, value: unknown) => (key === 'field' ? (value as { name: string }).name : value));
}

export function containsAggregate(expr: TCheckedExpr): boolean {
  switch (expr.kind) {
    case 'aggregate':
      return true;
    case 'top':
      return false;
    case 'arith':
      return containsAggregate(expr.left) || containsAggregate(expr.right);
    case 'negate':
    case 'datePart':
    case 'datetime':
      return containsAggregate(expr.operand);
    default:
      return false;
  }
}

/** Tables an expression reads outside of aggregates' own conditions. */
export function tablesOf(expr: TCheckedExpr, out = new Set<TUsqlTable>()): Set<TUsqlTable> {
  for (const leaf of leavesOf(expr, { intoAggregates: true })) out.add(leaf.table);
  return out;
}

export function condTablesOf(cond: TCheckedCond, out = new Set<TUsqlTable>()): Set<TUsqlTable> {
  switch (cond.kind) {
    case 'and':
    case 'or':
      condTablesOf(cond.left, out);
      condTablesOf(cond.right, out);
      break;
    case 'not':
      condTablesOf(cond.operand, out);
      break;
    case 'compare':
      tablesOf(cond.left, out);
      break;
    default:
      tablesOf(cond.operand, out);
  }
  return out;
}

const fieldsOf = (expr: TCheckedExpr): TLeafExpr[] => leavesOf(expr, { intoAggregates: false });

type TLeafExpr = Extract<TCheckedExpr, { kind: 'field' | 'property' | 'propertyMap' | 'keys' | 'json' }>;

/** The field-like leaves of an expression; `intoAggregates` also reads inside aggregate arguments. */
function leavesOf(expr: TCheckedExpr, options: { intoAggregates: boolean }, out: TLeafExpr[] = []): TLeafExpr[] {
  switch (expr.kind) {
    case 'field':
    case 'property':
    case 'propertyMap':
    case 'keys':
    case 'json':
      out.push(expr);
      break;
    case 'arith':
      leavesOf(expr.left, options, out);
      leavesOf(expr.right, options, out);
      break;
    case 'negate':
    case 'datePart':
    case 'datetime':
    case 'top':
      leavesOf(expr.operand, options, out);
      break;
    case 'aggregate':
      if (options.intoAggregates && expr.arg) leavesOf(expr.arg, options, out);
      break;
    default:
      break;
  }
  return out;
}

function condMentionsField(cond: TCheckedCond, table: TUsqlTable, fieldName: string): boolean {
  if (cond.kind === 'and' || cond.kind === 'or') return condMentionsField(cond.left, table, fieldName) || condMentionsField(cond.right, table, fieldName);
  if (cond.kind === 'not') return condMentionsField(cond.operand, table, fieldName);
  const operand = cond.kind === 'compare' ? cond.left : (cond as { operand: TCheckedExpr }).operand;
  return fieldsOf(operand).some((e) => e.kind === 'field' && e.table === table && e.field.name === fieldName);
}

type TContext = 'select' | 'where' | 'aggregate' | 'order';

class Checker {
  private table: TUsqlTable = 'usersession';
  private readonly explanations: string[] = [];

  constructor(private readonly options: TCheckOptions) {}

  private sourceText(node: { start: number; end: number }): string {
    return this.options.text.slice(node.start, node.end).replace(/\s+/g, ' ').trim();
  }

  check(query: TQueryNode): TCheckedQuery {
    const table = findTable(query.from.name);
    if (!table) {
      fail('USQL_UNKNOWN_FIELD', `unknown table \`${query.from.name}\`${didYouMean(query.from.name, TABLE_NAMES)} (tables: ${TABLE_NAMES.join(', ')})`, query.from.pos);
    }
    this.table = (table as { name: TUsqlTable }).name;

    const funnelItem = query.items.find((item) => item.kind === 'funnel');
    if (funnelItem) return this.checkFunnel(query, funnelItem);

    const where = query.where ? this.checkCond(query.where, 'where') : undefined;
    const items = query.items.flatMap((item) => this.checkItem(item, query.distinct));
    const groupBy = this.resolveGroupBy(query.groupBy, items);
    const keyRowItems = items.filter((item) => item.expr.kind === 'keys' && (query.distinct || groupBy.length > 0));
    if (keyRowItems.length > 1) fail('USQL_UNSUPPORTED', 'only one DISTINCT KEYS(...) item per query', (keyRowItems[1] as TCheckedItem).pos);
    for (const item of keyRowItems) {
      if (item.expr.kind === 'keys' && item.expr.table !== this.table) {
        fail('USQL_UNSUPPORTED', `DISTINCT KEYS reads the queried table's own properties; query ${item.expr.table} instead`, item.pos);
      }
      item.keyRows = true;
      item.columnType = 'string';
    }

    if (query.distinct) {
      items.forEach((item, index) => {
        if (!containsAggregate(item.expr) && item.expr.kind !== 'top' && !groupBy.some((g) => g.itemIndex === index)) {
          groupBy.push({ itemIndex: index, expr: item.expr });
        }
      });
    }
    for (const group of groupBy) {
      if (group.itemIndex === undefined) continue;
      const item = items[group.itemIndex] as TCheckedItem;
      item.grouped = true;
      if (item.expr.kind === 'top') item.columnType = columnTypeOf(item.expr.operand);
    }

    const hasAggregates = items.some((item) => containsAggregate(item.expr) || (item.expr.kind === 'top' && !item.grouped));
    const grouped = groupBy.length > 0 || hasAggregates;
    const groupedKeys = new Set(groupBy.map((g) => exprKey(g.expr)));
    const groupedFieldKeys = new Set(groupBy.flatMap((g) => fieldsOf(g.expr).map(exprKey)));
    if (grouped) {
      for (const item of items) this.checkGroupedItem(item, groupedKeys, groupedFieldKeys);
      for (const group of groupBy) {
        if (this.table === 'usersession' && [...tablesOf(group.expr)].some((t) => t !== 'usersession')) {
          const pos = group.itemIndex === undefined ? query.clausePos.groupBy ?? query.from.pos : (items[group.itemIndex] as TCheckedItem).pos;
          fail('USQL_UNSUPPORTED', 'grouping a usersession query by a child-table field is not supported; query that child table and group by usersession fields instead', pos);
        }
      }
    }
    for (const item of items) {
      if (this.table === 'usersession' && !item.keyRows && !containsAggregate(item.expr) && item.expr.kind !== 'top') {
        const child = [...tablesOf(item.expr)].find((t) => t !== 'usersession') as TChildTable | undefined;
        if (child) {
          item.childArray = child;
          item.columnType = 'array';
        }
      }
    }

    const aggregatedChild = this.findAggregatedChild(items);
    const orderBy = this.resolveOrderBy(query, items, grouped, groupedKeys, groupedFieldKeys);
    const limit = this.resolveLimit(query, grouped);
    for (const item of items) {
      if (item.filter && !containsAggregate(item.expr)) {
        fail('USQL_UNSUPPORTED', 'FILTER applies to an aggregate (e.g. `AVG(duration) FILTER > 500`)', item.pos);
      }
    }

    const includeInvalid = where ? condMentionsField(where, 'usersession', 'isInvalid') : false;
    if (!includeInvalid) this.explanations.push('invalid sessions are excluded (name isInvalid in WHERE to include them)');
    return {
      table: this.table,
      shape: 'table',
      items,
      funnel: [],
      ...(where ? { where } : {}),
      groupBy,
      grouped,
      orderBy,
      limit,
      includeInvalid,
      ...(aggregatedChild ? { aggregatedChild } : {}),
      explanations: this.explanations,
    };
  }

  private findAggregatedChild(items: TCheckedItem[]): TChildTable | undefined {
    if (this.table !== 'usersession') return undefined;
    let found: TChildTable | undefined;
    const visit = (expr: TCheckedExpr, item: TCheckedItem): void => {
      if (expr.kind === 'aggregate' || expr.kind === 'top') {
        const arg = expr.kind === 'aggregate' ? expr.arg : expr.operand;
        const child = arg ? ([...tablesOf(arg)].find((t) => t !== 'usersession') as TChildTable | undefined) : undefined;
        if (child && expr.kind === 'top' && item.grouped) return;
        if (child) {
          if (found && found !== child) {
            fail('USQL_UNSUPPORTED', `aggregating both ${found} and ${child} values in one usersession query is not supported; split the query`, item.pos);
          }
          found = child;
        }
        return;
      }
      if (expr.kind === 'arith') {
        visit(expr.left, item);
        visit(expr.right, item);
      } else if (expr.kind === 'negate' || expr.kind === 'datePart' || expr.kind === 'datetime') {
        visit(expr.operand, item);
      }
    };
    for (const item of items) {
      visit(item.expr, item);
      if (item.filter) visit(item.filter.value, item);
    }
    return found;
  }

  private checkGroupedItem(item: TCheckedItem, groupedKeys: Set<string>, groupedFieldKeys: Set<string>): void {
    if (item.grouped || containsAggregate(item.expr) || item.keyRows) return;
    if (item.expr.kind === 'top') return;
    const fields = fieldsOf(item.expr);
    if (groupedKeys.has(exprKey(item.expr))) return;
    const loose = fields.find((field) => !groupedFieldKeys.has(exprKey(field)));
    if (loose) {
      fail('USQL_UNSUPPORTED', `\`${item.name}\` is neither grouped nor aggregated; add it to GROUP BY or wrap it in an aggregate`, item.pos);
    }
  }

  private checkFunnel(query: TQueryNode, funnel: TSelectItemNode & { kind: 'funnel' }): TCheckedQuery {
    if (this.table !== 'usersession') fail('USQL_UNSUPPORTED', 'FUNNEL works on usersession only', query.from.pos);
    if (query.items.length > 1) fail('USQL_UNSUPPORTED', 'FUNNEL must be the only item of the SELECT', (query.items.find((i) => i !== funnel) as TSelectItemNode).pos);
    if (query.distinct) fail('USQL_UNSUPPORTED', 'FUNNEL cannot be combined with DISTINCT', funnel.pos);
    if (query.groupBy.length > 0) fail('USQL_UNSUPPORTED', 'FUNNEL cannot be combined with GROUP BY', query.clausePos.groupBy as TSourcePosition);
    if (query.orderBy.length > 0) fail('USQL_UNSUPPORTED', 'FUNNEL cannot be combined with ORDER BY', query.clausePos.orderBy as TSourcePosition);
    if (query.limit) fail('USQL_UNSUPPORTED', 'FUNNEL cannot be combined with LIMIT', query.clausePos.limit as TSourcePosition);
    if (funnel.steps.length < MIN_FUNNEL_STEPS) fail('USQL_UNSUPPORTED', `FUNNEL needs at least ${MIN_FUNNEL_STEPS} steps`, funnel.pos);
    if (funnel.steps.length > MAX_FUNNEL_STEPS) {
      fail('USQL_LIMIT', `FUNNEL takes at most ${MAX_FUNNEL_STEPS} steps (got ${funnel.steps.length})`, (funnel.steps[MAX_FUNNEL_STEPS] as { condition: TCondNode }).condition.pos);
    }
    const steps: TCheckedFunnelStep[] = funnel.steps.map((step) => ({
      label: step.label ?? this.sourceText(step.condition),
      condition: this.checkCond(step.condition, 'where'),
    }));
    const where = query.where ? this.checkCond(query.where, 'where') : undefined;
    const includeInvalid = where ? condMentionsField(where, 'usersession', 'isInvalid') : false;
    if (!includeInvalid) this.explanations.push('invalid sessions are excluded (name isInvalid in WHERE to include them)');
    this.explanations.push('funnel step k counts sessions matching steps 1..k (order of actions not checked)');
    return {
      table: this.table,
      shape: 'funnel',
      items: [],
      funnel: steps,
      ...(where ? { where } : {}),
      groupBy: [],
      grouped: true,
      orderBy: [],
      limit: 1,
      includeInvalid,
      explanations: this.explanations,
    };
  }

  private checkItem(item: TSelectItemNode, distinct: boolean): TCheckedItem[] {
    void distinct;
    if (item.kind === 'star') {
      let table = this.table;
      if (item.table !== undefined) table = this.resolveTableRef(item.table, item.pos);
      return TABLES[table].fields.map((field) => ({
        name: item.table === undefined ? field.name : `${table}.${field.name}`,
        expr: { kind: 'field', table, field, type: field.type },
        columnType: field.type,
        grouped: false,
        pos: item.pos,
      }));
    }
    if (item.kind === 'json') {
      return [{ name: 'JSON', expr: { kind: 'json', table: this.table, type: 'json' }, columnType: 'json', grouped: false, pos: item.pos }];
    }
    if (item.kind === 'funnel') return fail('USQL_UNSUPPORTED', 'FUNNEL must be the only item of the SELECT', item.pos);
    const expr = this.checkExpr(item.expr, 'select');
    if (expr.type === 'duration') fail('USQL_TYPE', 'a DURATION alone is not a value to select; add it to a date', item.pos);
    const checked: TCheckedItem = {
      name: item.alias ?? this.sourceText(item.expr),
      expr,
      columnType: columnTypeOf(expr),
      grouped: false,
      pos: item.pos,
    };
    if (item.filter) {
      if (!containsAggregate(expr)) fail('USQL_UNSUPPORTED', 'FILTER applies to an aggregate (e.g. `AVG(duration) FILTER > 500`)', item.filter.pos);
      checked.filter = { op: item.filter.op, value: this.constantFor(item.filter.value, expr) };
    }
    return [checked];
  }

  private resolveTableRef(name: string, pos: TSourcePosition): TUsqlTable {
    const table = findTable(name);
    if (!table) return fail('USQL_UNKNOWN_FIELD', `unknown table \`${name}\`${didYouMean(name, TABLE_NAMES)}`, pos);
    if (table.name !== this.table && this.table !== 'usersession' && table.name !== 'usersession') {
      fail(
        'USQL_UNSUPPORTED',
        `\`${table.name}\` cannot be used in a ${this.table} query: child tables link only through their session (use ${this.table} or usersession fields, or query usersession)`,
        pos,
      );
    }
    return table.name;
  }

  private resolveGroupBy(refs: TNameRef[], items: TCheckedItem[]): { itemIndex?: number; expr: TCheckedExpr }[] {
    const groups: { itemIndex?: number; expr: TCheckedExpr }[] = [];
    for (const ref of refs) {
      const aliasIndex = items.findIndex((item) => item.name.toLowerCase() === ref.name.toLowerCase() && !isFieldNamed(item.expr, ref.name));
      let group: { itemIndex?: number; expr: TCheckedExpr };
      if (aliasIndex >= 0) {
        group = { itemIndex: aliasIndex, expr: groupingExprOf((items[aliasIndex] as TCheckedItem).expr) };
      } else {
        if (ref.quoted) fail('USQL_UNKNOWN_FIELD', `no select item is named \`${ref.name}\`${didYouMean(ref.name, items.map((i) => i.name))}`, ref.pos);
        const expr = this.resolvePath(ref.name, ref.pos);
        const key = exprKey(expr);
        const index = items.findIndex((item) => exprKey(item.expr) === key || (item.expr.kind === 'top' && exprKey(item.expr.operand) === key));
        group = index >= 0 ? { itemIndex: index, expr: groupingExprOf((items[index] as TCheckedItem).expr) } : { expr };
      }
      if (containsAggregate(group.expr)) fail('USQL_UNSUPPORTED', `cannot group by an aggregate (\`${ref.name}\`)`, ref.pos);
      if (!groups.some((g) => exprKey(g.expr) === exprKey(group.expr))) groups.push(group);
    }
    return groups;
  }

  private resolveOrderBy(
    query: TQueryNode,
    items: TCheckedItem[],
    grouped: boolean,
    groupedKeys: Set<string>,
    groupedFieldKeys: Set<string>,
  ): TCheckedOrder[] {
    if (query.orderBy.length > MAX_ORDER_ITEMS) {
      fail('USQL_LIMIT', `ORDER BY takes at most ${MAX_ORDER_ITEMS} items`, (query.orderBy[MAX_ORDER_ITEMS] as { pos: TSourcePosition }).pos);
    }
    return query.orderBy.map((order) => {
      const node = order.expr;
      if (node.kind === 'path' || node.kind === 'string') {
        const name = node.kind === 'path' ? node.path : node.value;
        const aliasIndex = items.findIndex((item) => item.name.toLowerCase() === name.toLowerCase());
        if (aliasIndex >= 0) return { itemIndex: aliasIndex, expr: (items[aliasIndex] as TCheckedItem).expr, descending: order.descending };
        if (node.kind === 'string') fail('USQL_UNKNOWN_FIELD', `no select item is named \`${name}\`${didYouMean(name, items.map((i) => i.name))}`, node.pos);
      }
      const expr = this.checkExpr(node, 'order');
      const key = exprKey(expr);
      const index = items.findIndex((item) => exprKey(item.expr) === key || (item.grouped && item.expr.kind === 'top' && exprKey(item.expr.operand) === key));
      if (index >= 0) return { itemIndex: index, expr, descending: order.descending };
      if (this.table === 'usersession' && [...tablesOf(expr)].some((t) => t !== 'usersession') && !containsAggregate(expr)) {
        fail('USQL_UNSUPPORTED', 'cannot order sessions by a child-table field; order by an aggregate of it or query the child table', node.pos);
      }
      if (grouped && !containsAggregate(expr) && !groupedKeys.has(key)) {
        const loose = fieldsOf(expr).find((field) => !groupedFieldKeys.has(exprKey(field)));
        if (loose) fail('USQL_UNSUPPORTED', `cannot order grouped rows by \`${this.sourceText(node)}\`: it is neither grouped nor aggregated`, node.pos);
      }
      if (!grouped && containsAggregate(expr)) fail('USQL_UNSUPPORTED', 'ORDER BY an aggregate needs an aggregated or grouped SELECT', node.pos);
      if (expr.kind === 'json' || expr.kind === 'propertyMap') fail('USQL_TYPE', 'cannot order by a whole record or property map', node.pos);
      return { expr, descending: order.descending };
    });
  }

  private resolveLimit(query: TQueryNode, grouped: boolean): number {
    const { defaultLimit, maxLimit, maxGroups } = this.options;
    let limit = defaultLimit;
    if (query.limit) {
      if (query.limit.value < 1) fail('USQL_LIMIT', 'LIMIT must be at least 1', query.limit.pos);
      if (query.limit.value > maxLimit) fail('USQL_LIMIT', `LIMIT is at most ${maxLimit} (got ${query.limit.value})`, query.limit.pos);
      limit = query.limit.value;
    } else {
      this.explanations.push(`no LIMIT given: at most ${defaultLimit} rows`);
    }
    if (grouped && limit > maxGroups) {
      this.explanations.push(`grouped results are capped at ${maxGroups} groups`);
      limit = maxGroups;
    }
    return limit;
  }

  // ---------------------------------------------------------------- names

  private resolvePath(path: string, pos: TSourcePosition): TCheckedExpr {
    const segments = path.split('.');
    let table = this.table;
    let rest = segments;
    let prefixed = false;
    const first = segments[0] as string;
    if (findTable(first) && segments.length > 1) {
      table = this.resolveTableRef(first, pos);
      rest = segments.slice(1);
      prefixed = true;
    } else if (findTable(first)) {
      fail('USQL_UNKNOWN_FIELD', `\`${first}\` is a table, not a field; name one of its fields (\`${first}.name\`)`, pos);
    }
    const head = rest[0] as string;
    const namespace = PROPERTY_NAMESPACES[head.toLowerCase()];
    if (namespace) {
      if (rest.length === 1) {
        const owner = this.propertyOwner(table, prefixed, pos, head);
        return { kind: 'propertyMap', table: owner, keys: this.keysOf(owner, namespace), type: 'json' };
      }
      return this.resolveProperty(table, prefixed, namespace, rest.slice(1).join('.'), pos, head);
    }
    if (rest.length > 1) {
      fail('USQL_UNKNOWN_FIELD', `unknown field \`${path}\``, pos);
    }
    const field = findField(table, head);
    if (!field) {
      const names = TABLES[table].fields.map((f) => f.name);
      const elsewhere = TABLE_NAMES.filter((t) => t !== table && findField(t, head));
      const hint = elsewhere.length > 0 && closestNames(head, names).length === 0 ? ` (it is a field of ${elsewhere.map((t) => `${t}: use ${t}.${findField(t, head)?.name}`).join('; ')})` : '';
      const defs = this.options.definitions.filter((d) => d.key.toLowerCase() === head.toLowerCase());
      const propertyHint = defs.length > 0 ? ` — \`${defs[0]?.key}\` is a ${defs[0]?.dataType} property; use ${propertyNamespaceOf((defs[0] as TUsqlPropertyDefinition).dataType)}.${defs[0]?.key}` : '';
      fail('USQL_UNKNOWN_FIELD', `unknown field \`${head}\`${propertyHint || didYouMean(head, names)}${hint}`, pos);
    }
    const definition = field as NonNullable<typeof field>;
    return { kind: 'field', table, field: definition, type: definition.type };
  }

  private propertyOwner(table: TUsqlTable, prefixed: boolean, pos: TSourcePosition, namespace: string): 'usersession' | 'useraction' {
    if (table === 'usersession' || table === 'useraction') return table;
    return fail(
      'USQL_UNKNOWN_PROPERTY',
      `${table} rows carry no custom properties; use ${prefixed ? '' : 'usersession.'}usersession.${namespace} for session properties`.replace('usersession.usersession.', 'usersession.'),
      pos,
    );
  }

  private keysOf(table: 'usersession' | 'useraction', dataType: TPropertyDataType): string[] {
    const scopes = TABLES[table].propertyScopes;
    return [...new Set(this.options.definitions.filter((d) => d.dataType === dataType && scopes.includes(d.scope)).map((d) => d.key))].sort();
  }

  private resolveProperty(
    table: TUsqlTable,
    prefixed: boolean,
    dataType: TPropertyDataType,
    key: string,
    pos: TSourcePosition,
    namespaceText: string,
  ): TCheckedExpr {
    const owner = this.propertyOwner(table, prefixed, pos, namespaceText);
    const scopes = TABLES[owner].propertyScopes;
    const sameKey = this.options.definitions.filter((d) => d.key === key);
    const candidates = sameKey.length > 0 ? sameKey : this.options.definitions.filter((d) => d.key.toLowerCase() === key.toLowerCase());
    const exact = candidates.find((d) => d.dataType === dataType && scopes.includes(d.scope));
    if (exact) return { kind: 'property', table: owner, key: exact.key, type: dataType };
    const prefix = prefixed ? `${table}.` : '';
    const inScope = candidates.find((d) => scopes.includes(d.scope));
    if (inScope) {
      fail('USQL_UNKNOWN_PROPERTY', `\`${inScope.key}\` is a ${inScope.dataType} property; use ${prefix}${propertyNamespaceOf(inScope.dataType)}.${inScope.key}`, pos);
    }
    const other = candidates[0];
    if (other) {
      const otherTable = other.scope === 'session' ? 'usersession' : 'useraction';
      const where = owner === 'usersession' && otherTable === 'useraction' ? ' (event/action properties live on useraction)' : '';
      fail(
        'USQL_UNKNOWN_PROPERTY',
        `\`${other.key}\` is ${other.scope === 'session' ? 'a session' : 'an event'} property; use ${otherTable}.${propertyNamespaceOf(other.dataType)}.${other.key}${where}`,
        pos,
      );
    }
    const sameType = this.keysOf(owner, dataType);
    const allInScope = [...new Set(this.options.definitions.filter((d) => scopes.includes(d.scope)).map((d) => d.key))];
    const close = closestNames(key, sameType.length > 0 ? sameType : allInScope);
    const suggestion = close.length > 0 ? ` — did you mean ${close.map((c) => `\`${c}\``).join(' or ')}?` : sameType.length > 0 ? ` (defined ${dataType} keys: ${sameType.slice(0, 10).join(', ')})` : ` (no ${dataType} properties are defined for ${owner})`;
    return fail('USQL_UNKNOWN_PROPERTY', `unknown property \`${key}\` in ${propertyNamespaceOf(dataType)}${suggestion}`, pos);
  }

  // ---------------------------------------------------------------- expressions

  private checkExpr(node: TExprNode, context: TContext): TCheckedExpr {
    switch (node.kind) {
      case 'number': {
        const value = Number(node.text);
        if (!Number.isFinite(value)) fail('USQL_TYPE', `number out of range: ${node.text}`, node.pos);
        return { kind: 'literal', value, type: /^[0-9]+$/.test(node.text) && Number.isSafeInteger(value) ? 'long' : 'double' };
      }
      case 'string':
        return { kind: 'literal', value: node.value, type: 'string' };
      case 'boolean':
        return { kind: 'literal', value: node.value, type: 'boolean' };
      case 'null':
        return { kind: 'literal', value: null, type: 'null' };
      case 'variable':
        return { kind: 'literal', value: this.variableValue(node.name, node.pos), type: 'date' };
      case 'path':
        return this.resolvePath(node.path, node.pos);
      case 'negate': {
        const operand = this.checkExpr(node.operand, context);
        if (!isNumeric(operand.type) && operand.type !== 'duration') fail('USQL_TYPE', `cannot negate a ${operand.type}`, node.pos);
        if (operand.kind === 'literal' && typeof operand.value === 'number') return { ...operand, value: -operand.value };
        return { kind: 'negate', operand, type: operand.type };
      }
      case 'binary':
        return this.checkArithmetic(node, context);
      case 'call':
        return this.checkCall(node, context);
    }
  }

  private variableValue(name: string, pos: TSourcePosition): number {
    switch (name) {
      case '$NOW':
        return this.options.now;
      case '$TIME_FRAME_START':
        return this.options.timeFrame.start;
      case '$TIME_FRAME_END':
        return this.options.timeFrame.end;
      default:
        return fail('USQL_UNKNOWN_FIELD', `unknown variable \`${name}\` (known: $NOW, $TIME_FRAME_START, $TIME_FRAME_END)`, pos);
    }
  }

  private checkArithmetic(node: TExprNode & { kind: 'binary' }, context: TContext): TCheckedExpr {
    const left = this.checkExpr(node.left, context);
    const right = this.checkExpr(node.right, context);
    const { op } = node;
    let type: TValueType | undefined;
    const lt = left.type;
    const rt = right.type;
    if (isNumeric(lt) && isNumeric(rt)) type = lt === 'long' && rt === 'long' ? 'long' : 'double';
    else if (lt === 'date' && (rt === 'duration' || isNumeric(rt)) && (op === '+' || op === '-')) type = 'date';
    else if (rt === 'date' && (lt === 'duration' || isNumeric(lt)) && op === '+') type = 'date';
    else if (lt === 'date' && rt === 'date' && op === '-') type = 'long';
    else if (lt === 'duration' && rt === 'duration' && (op === '+' || op === '-')) type = 'duration';
    else if ((lt === 'duration' && isNumeric(rt)) || (isNumeric(lt) && rt === 'duration')) {
      const duration = (lt === 'duration' ? left : right) as TCheckedExpr & { kind: 'duration' };
      if (duration.duration.months !== 0) fail('USQL_TYPE', 'a DURATION in months or years has no fixed length in ms; add it to a date instead', node.pos);
      type = 'long';
    }
    if (!type) {
      return fail('USQL_TYPE', `cannot apply \`${op === '%' ? 'MOD' : op}\` to ${lt} and ${rt}`, node.right.pos);
    }
    if (lt === 'date' && rt === 'date' && isConstant(left) !== isConstant(right)) {
      // allowed: a date field minus a date constant is a number of ms
    }
    const expr: TCheckedExpr = { kind: 'arith', op, left, right, type };
    return isConstant(expr) ? this.fold(expr, node.pos) : expr;
  }

  /** Evaluates a constant expression so it becomes one bind parameter. */
  private fold(expr: TCheckedExpr, pos: TSourcePosition): TCheckedExpr {
    if (expr.kind !== 'arith') return expr;
    const left = this.fold(expr.left, pos);
    const right = this.fold(expr.right, pos);
    const toMs = (e: TCheckedExpr): number => (e.kind === 'duration' ? e.duration.ms : Number((e as { value: unknown }).value));
    if (left.kind === 'literal' && left.value === null) return left;
    if (right.kind === 'literal' && right.value === null) return right;
    if (expr.type === 'duration') {
      const a = (left as { duration: TDuration }).duration;
      const b = (right as { duration: TDuration }).duration;
      const sign = expr.op === '-' ? -1 : 1;
      return { kind: 'duration', duration: { months: a.months + sign * b.months, ms: a.ms + sign * b.ms }, type: 'duration' };
    }
    if (expr.type === 'date') {
      const dateSide = left.type === 'date' ? left : right;
      const other = left.type === 'date' ? right : left;
      const sign = expr.op === '-' ? -1 : 1;
      let value = Number((dateSide as { value: number }).value);
      if (other.kind === 'duration') {
        value = addMonths(value, sign * other.duration.months, this.options.offsetUtcMinutes) + sign * other.duration.ms;
      } else {
        value += sign * toMs(other);
      }
      return { kind: 'literal', value, type: 'date' };
    }
    const a = toMs(left);
    const b = toMs(right);
    const integer = expr.type === 'long';
    let value: number | null;
    switch (expr.op) {
      case '+':
        value = a + b;
        break;
      case '-':
        value = a - b;
        break;
      case '*':
        value = a * b;
        break;
      case '/':
        value = b === 0 ? null : integer ? Math.trunc(a / b) : a / b;
        break;
      case '%':
        value = b === 0 ? null : a % b;
        break;
    }
    if (value === null) return { kind: 'literal', value: null, type: 'null' };
    return { kind: 'literal', value, type: integer ? 'long' : 'double' };
  }

  private checkCall(node: TExprNode & { kind: 'call' }, context: TContext): TCheckedExpr {
    const { name } = node;
    if (REGEX_FUNCTIONS.has(name)) fail('USQL_UNSUPPORTED', 'regular expressions are not supported; use LIKE or STARTSWITH', node.pos);
    if (!FUNCTION_NAMES.has(name)) {
      fail('USQL_UNKNOWN_FIELD', `unknown function \`${node.nameText}\`${didYouMean(name, [...FUNCTION_NAMES])}`, node.pos);
    }
    if (node.distinct && name !== 'COUNT') fail('USQL_UNSUPPORTED', `DISTINCT is supported in COUNT only, not in ${name}`, node.pos);
    const arity = (min: number, max: number): void => {
      if (node.args.length < min || node.args.length > max) {
        fail('USQL_SYNTAX', `${name} takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'}`, node.pos);
      }
    };
    switch (name) {
      case 'COUNT':
      case 'SUM':
      case 'AVG':
      case 'MIN':
      case 'MAX':
      case 'MEDIAN':
      case 'PERCENTILE':
        return this.checkAggregate(node, context, arity);
      case 'CONDITION': {
        if (context === 'where') fail('USQL_UNSUPPORTED', 'aggregates are not allowed in WHERE; use `agg FILTER > n` in SELECT', node.pos);
        arity(1, 1);
        const inner = node.args[0] as TExprNode;
        const aggregate = this.checkExpr(inner, context);
        if (aggregate.kind !== 'aggregate') fail('USQL_TYPE', 'CONDITION takes an aggregate first: CONDITION(COUNT(*), WHERE ...)', inner.pos);
        const agg = aggregate as TCheckedExpr & { kind: 'aggregate' };
        if (agg.condition) fail('USQL_UNSUPPORTED', 'CONDITION cannot be nested', inner.pos);
        return { ...agg, condition: this.checkCond(node.condition as TCondNode, 'aggregate') };
      }
      case 'TOP': {
        if (context !== 'select') fail('USQL_UNSUPPORTED', 'TOP is a select item; it cannot be used here', node.pos);
        arity(1, 2);
        const operand = this.checkExpr(node.args[0] as TExprNode, 'aggregate');
        if (containsAggregate(operand)) fail('USQL_UNSUPPORTED', 'TOP takes a field, not an aggregate', node.pos);
        let n = 1;
        if (node.args[1]) {
          const count = this.checkExpr(node.args[1], 'aggregate');
          if (count.kind !== 'literal' || count.type !== 'long') return fail('USQL_TYPE', 'TOP takes a whole number: TOP(country, 10)', node.args[1].pos);
          n = count.value as number;
          if (n < 1 || n > MAX_TOP) fail('USQL_LIMIT', `TOP takes 1 to ${MAX_TOP} values (got ${n})`, node.args[1].pos);
        }
        return { kind: 'top', operand, n, type: operand.type };
      }
      case 'YEAR':
      case 'MONTH':
      case 'DAY':
      case 'HOUR':
      case 'MINUTE': {
        arity(1, 1);
        const operand = this.checkExpr(node.args[0] as TExprNode, context);
        if (operand.type !== 'date') fail('USQL_TYPE', `${name} takes a date, not a ${operand.type}`, (node.args[0] as TExprNode).pos);
        return { kind: 'datePart', part: DATE_PARTS[name] as TDatePart, operand, type: 'long' };
      }
      case 'DATETIME':
        return this.checkDatetime(node, context, arity);
      case 'KEYS': {
        arity(1, 1);
        const arg = node.args[0] as TExprNode;
        const map = arg.kind === 'path' ? this.resolvePath(arg.path, arg.pos) : undefined;
        if (!map || map.kind !== 'propertyMap') return fail('USQL_TYPE', 'KEYS takes a property map: KEYS(stringProperties)', arg.pos);
        return { kind: 'keys', table: map.table, keys: map.keys, type: 'array' };
      }
      case 'DURATION': {
        arity(1, 1);
        const arg = node.args[0] as TExprNode;
        const duration = arg.kind === 'string' ? parseDuration(arg.value) : undefined;
        if (!duration) return fail('USQL_TYPE', 'DURATION takes a text like "2h", "30m" or "1d12h" (units y q M w d h m s)', arg.pos);
        return { kind: 'duration', duration, type: 'duration' };
      }
      case 'FUNNEL':
        return fail('USQL_UNSUPPORTED', 'FUNNEL must be the only item of the SELECT', node.pos);
      default:
        return fail('USQL_UNKNOWN_FIELD', `unknown function \`${node.nameText}\``, node.pos);
    }
  }

  private checkAggregate(node: TExprNode & { kind: 'call' }, context: TContext, arity: (min: number, max: number) => void): TCheckedExpr {
    const { name } = node;
    if (context === 'where') fail('USQL_UNSUPPORTED', `aggregates (${name}) are not allowed in WHERE; use \`${name}(…) FILTER > n\` in SELECT`, node.pos);
    if (context === 'aggregate') fail('USQL_UNSUPPORTED', 'aggregates cannot be nested', node.pos);
    if (name === 'COUNT' && node.star) return { kind: 'aggregate', fn: 'count', distinct: false, type: 'long' };
    arity(name === 'PERCENTILE' ? 2 : 1, name === 'PERCENTILE' ? 2 : 1);
    const argNode = node.args[0] as TExprNode;
    const arg = this.checkExpr(argNode, 'aggregate');
    if (isConstant(arg)) fail('USQL_TYPE', `${name} takes a field, not a constant`, argNode.pos);
    const t = arg.type;
    if (t === 'json' || t === 'array') fail('USQL_TYPE', `${name} cannot aggregate a ${t === 'json' ? 'property map or record' : 'list'}`, argNode.pos);
    const typeError = (allowed: string): never => fail('USQL_TYPE', `${name} takes ${allowed}, not a ${t}`, argNode.pos);
    switch (name) {
      case 'COUNT':
        return { kind: 'aggregate', fn: 'count', arg, distinct: node.distinct, type: 'long' };
      case 'SUM':
        if (!isNumeric(t)) typeError('a number');
        return { kind: 'aggregate', fn: 'sum', arg, distinct: false, type: t };
      case 'AVG':
        if (!isNumeric(t) && t !== 'date') typeError('a number or a date');
        return { kind: 'aggregate', fn: 'avg', arg, distinct: false, type: t === 'date' ? 'date' : 'double' };
      case 'MIN':
      case 'MAX':
        if (t === 'boolean') typeError('a number, date or string');
        return { kind: 'aggregate', fn: name === 'MIN' ? 'min' : 'max', arg, distinct: false, type: t };
      default: {
        if (!isNumeric(t) && t !== 'date') typeError('a number or a date');
        let fraction = 0.5;
        if (name === 'PERCENTILE') {
          const pNode = node.args[1] as TExprNode;
          const p = this.checkExpr(pNode, 'aggregate');
          if (p.kind !== 'literal' || !isNumeric(p.type) || (p.value as number) < 0 || (p.value as number) > 100) {
            fail('USQL_TYPE', 'PERCENTILE takes a percentile between 0 and 100: PERCENTILE(duration, 90)', pNode.pos);
          }
          fraction = ((p as { value: number }).value) / 100;
        }
        return { kind: 'aggregate', fn: 'percentile', arg, distinct: false, fraction, type: t === 'date' ? 'date' : 'double' };
      }
    }
  }

  private checkDatetime(node: TExprNode & { kind: 'call' }, context: TContext, arity: (min: number, max: number) => void): TCheckedExpr {
    arity(1, 3);
    const operand = this.checkExpr(node.args[0] as TExprNode, context);
    if (operand.type !== 'date') fail('USQL_TYPE', `DATETIME takes a date, not a ${operand.type}`, (node.args[0] as TExprNode).pos);
    let format = 'yyyy-MM-dd HH:mm';
    const formatNode = node.args[1];
    if (formatNode) {
      if (formatNode.kind !== 'string') fail('USQL_TYPE', "DATETIME's format is a text such as 'yyyy-MM-dd HH:mm'", formatNode.pos);
      format = (formatNode as { value: string }).value;
    }
    const intervalNode = node.args[2];
    let bucket: TDateBucket | undefined;
    if (intervalNode) {
      const text = intervalNode.kind === 'string' ? intervalNode.value.trim() : '';
      const unit = BUCKET_UNITS.find((u) => u === text.toLowerCase());
      const match = /^([0-9]+)([dhms])$/.exec(text);
      if (unit) bucket = { kind: 'unit', unit };
      else if (match && Number(match[1]) > 0) {
        const factor = { d: 86_400, h: 3_600, m: 60, s: 1 }[match[2] as 'd' | 'h' | 'm' | 's'];
        bucket = { kind: 'seconds', seconds: Number(match[1]) * factor };
      } else {
        fail('USQL_TYPE', "DATETIME's interval is year, month, week, day, hour, minute, second or <n>d|h|m|s such as '5m'", intervalNode.pos);
      }
    }
    return { kind: 'datetime', operand, format, ...(bucket ? { bucket } : {}), type: 'string' };
  }

  // ---------------------------------------------------------------- conditions

  private checkCond(node: TCondNode, context: 'where' | 'aggregate'): TCheckedCond {
    switch (node.kind) {
      case 'and':
      case 'or':
        return { kind: node.kind, left: this.checkCond(node.left, context), right: this.checkCond(node.right, context) };
      case 'not':
        return { kind: 'not', operand: this.checkCond(node.operand, context) };
      default:
        break;
    }
    const operandNode = node.kind === 'compare' ? node.left : node.operand;
    const operand = this.checkExpr(operandNode, context === 'where' ? 'where' : 'aggregate');
    this.checkConditionOperand(operand, operandNode);
    switch (node.kind) {
      case 'compare': {
        const right = node.right;
        const rightChecked = this.checkExpr(right, context === 'where' ? 'where' : 'aggregate');
        if (isConstant(operand) && !isConstant(rightChecked)) {
          fail('USQL_UNSUPPORTED', 'put the field on the left of the comparison: `field > value`', operandNode.pos);
        }
        if (!isConstant(rightChecked)) {
          fail('USQL_UNSUPPORTED', `comparing a field to another field (\`${this.sourceText(right)}\`) is not supported; compare to a value`, right.pos);
        }
        if (rightChecked.kind === 'literal' && rightChecked.value === null) {
          if (node.op === '=' || node.op === '!=') return { kind: 'isNull', operand, negated: node.op === '!=' };
          fail('USQL_TYPE', `NULL cannot be compared with \`${node.op}\`; use IS NULL or IS NOT NULL`, right.pos);
        }
        const ip = isIpField(operand) && node.op !== '=' && node.op !== '!=';
        const value = this.coerce(rightChecked, operand.type, right, ip);
        return { kind: 'compare', op: node.op, left: operand, right: value, ip };
      }
      case 'isNull':
        return { kind: 'isNull', operand, negated: node.negated };
      case 'in':
        return {
          kind: 'in',
          operand,
          values: node.values.map((v) => this.coerce(this.constant(v, context), operand.type, v, false)),
          negated: node.negated,
        };
      case 'between': {
        const ip = isIpField(operand);
        return {
          kind: 'between',
          operand,
          low: this.coerce(this.constant(node.low, context), operand.type, node.low, ip),
          high: this.coerce(this.constant(node.high, context), operand.type, node.high, ip),
          negated: node.negated,
          ip,
        };
      }
      case 'like':
      case 'startsWith': {
        if (operand.type !== 'string') fail('USQL_TYPE', `${node.kind === 'like' ? 'LIKE' : 'STARTSWITH'} takes a string field, not a ${operand.type}`, operandNode.pos);
        const pattern = this.constant(node.pattern, context);
        if (pattern.kind !== 'literal' || pattern.type !== 'string') return fail('USQL_TYPE', 'the pattern must be a quoted text', node.pattern.pos);
        const text = pattern.value as string;
        return { kind: 'like', operand, pattern: node.kind === 'like' ? toSqlLikePattern(text) : toPrefixLikePattern(text), negated: node.negated };
      }
      case 'truthy':
        if (operand.type !== 'boolean') {
          return fail('USQL_SYNTAX', `expected a comparison after \`${this.sourceText(operandNode)}\` (e.g. = 'value')`, { ...operandNode.pos, column: operandNode.pos.column, offset: operandNode.end });
        }
        return { kind: 'truthy', operand };
    }
  }

  private checkConditionOperand(operand: TCheckedExpr, node: TExprNode): void {
    if (isConstant(operand)) fail('USQL_UNSUPPORTED', 'a condition needs a field on the left (`field = value`)', node.pos);
    if (operand.kind === 'json' || operand.kind === 'propertyMap' || operand.kind === 'keys') {
      fail('USQL_TYPE', 'conditions compare single values; name one property such as stringProperties.key', node.pos);
    }
    if (this.table === 'usersession') {
      const children = [...tablesOf(operand)].filter((t) => t !== 'usersession');
      if (children.length > 1) fail('USQL_UNSUPPORTED', 'one condition can read one child table only', node.pos);
    }
  }

  private constant(node: TExprNode, context: 'where' | 'aggregate'): TCheckedExpr {
    const checked = this.checkExpr(node, context === 'where' ? 'where' : 'aggregate');
    if (!isConstant(checked)) {
      fail('USQL_UNSUPPORTED', `comparing a field to another field (\`${this.sourceText(node)}\`) is not supported; compare to a value`, node.pos);
    }
    return checked;
  }

  private constantFor(node: TExprNode, target: TCheckedExpr): TCheckedExpr {
    const value = this.checkExpr(node, 'aggregate');
    if (!isConstant(value)) fail('USQL_UNSUPPORTED', 'FILTER compares an aggregate with a value', node.pos);
    return this.coerce(value, target.type, node, false);
  }

  /** A constant converted to the type of the field it is compared with. */
  private coerce(value: TCheckedExpr, target: TValueType, node: TExprNode, ip: boolean): TCheckedExpr {
    if (value.kind === 'literal' && value.value === null) fail('USQL_TYPE', 'NULL is not a value here; use IS NULL', node.pos);
    const mismatch = (): never => fail('USQL_TYPE', `expected a ${target} value but found ${describeConstant(value)}`, node.pos);
    if (ip) {
      if (value.kind !== 'literal' || typeof value.value !== 'string' || !isIpAddress(value.value)) {
        return fail('USQL_TYPE', `expected an IP address such as '10.0.0.0' but found ${describeConstant(value)}`, node.pos);
      }
      return value;
    }
    switch (target) {
      case 'string':
        if (value.kind === 'literal' && typeof value.value === 'string') return value;
        if (value.kind === 'literal' && typeof value.value === 'number') return { kind: 'literal', value: String(value.value), type: 'string' };
        return mismatch();
      case 'long':
      case 'double':
        if (value.kind === 'literal' && typeof value.value === 'number' && value.type !== 'date') return value;
        if (value.kind === 'duration' && value.duration.months === 0) return { kind: 'literal', value: value.duration.ms, type: 'long' };
        return mismatch();
      case 'boolean':
        if (value.kind === 'literal' && typeof value.value === 'boolean') return value;
        return mismatch();
      case 'date':
        if (value.kind === 'literal' && typeof value.value === 'number') return { kind: 'literal', value: value.value, type: 'date' };
        if (value.kind === 'literal' && typeof value.value === 'string') {
          const ms = parseDateLiteral(value.value, this.options.offsetUtcMinutes);
          if (ms === undefined) {
            return fail('USQL_TYPE', `\`${value.value}\` is not a date; use epoch ms or e.g. 2026-11-22T21:00:00+01:00, 2026-11-22 21:00, 11/22/2026, 22.11.2026`, node.pos);
          }
          return { kind: 'literal', value: ms, type: 'date' };
        }
        return mismatch();
      default:
        return mismatch();
    }
  }
}

function describeConstant(value: TCheckedExpr): string {
  if (value.kind === 'duration') return 'a DURATION';
  if (value.kind === 'literal') {
    if (value.type === 'string') return `the text '${String(value.value)}'`;
    if (value.type === 'date') return 'a date';
    return `the ${value.type} ${String(value.value)}`;
  }
  return `a ${value.type}`;
}

function isIpField(expr: TCheckedExpr): boolean {
  return expr.kind === 'field' && expr.table === 'usersession' && expr.field.name === 'ip';
}

/** A grouped `TOP(f, n)` groups by `f`. */
function groupingExprOf(expr: TCheckedExpr): TCheckedExpr {
  return expr.kind === 'top' ? expr.operand : expr;
}

function isFieldNamed(expr: TCheckedExpr, name: string): boolean {
  return expr.kind === 'field' && expr.field.name.toLowerCase() === name.toLowerCase();
}

export function isConstant(expr: TCheckedExpr): boolean {
  switch (expr.kind) {
    case 'literal':
    case 'duration':
      return true;
    case 'arith':
      return isConstant(expr.left) && isConstant(expr.right);
    case 'negate':
      return isConstant(expr.operand);
    default:
      return false;
  }
}

export function columnTypeOf(expr: TCheckedExpr): TColumnType {
  const type = expr.type;
  if (expr.kind === 'top') return 'array';
  if (type === 'null' || type === 'duration') return 'long';
  return type;
}

/** Calendar month arithmetic at a UTC offset, clamping the day like PostgreSQL does. */
export function addMonths(epochMs: number, months: number, offsetUtcMinutes: number): number {
  if (months === 0) return epochMs;
  const local = new Date(epochMs + offsetUtcMinutes * 60_000);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const shifted = Date.UTC(targetYear, targetMonth, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds());
  return shifted - offsetUtcMinutes * 60_000;
}

export function checkUsql(query: TQueryNode, options: TCheckOptions): TCheckedQuery {
  return new Checker(options).check(query);
}

export type { TScalarType, TComparisonOperator };
