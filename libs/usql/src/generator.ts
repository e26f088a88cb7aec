import { TABLES, type TChildTable, type TColumnType, type TUsqlTable } from './catalog';
import type { TCheckedCond, TCheckedExpr, TCheckedFunnelStep, TCheckedItem, TCheckedQuery } from './checked';
import { condTablesOf, tablesOf } from './checker';
import { castFor, type SqlDialect, type TParamType } from './dialect';

export interface TGenerateOptions {
  applicationIds: readonly string[];
  timeFrame: { start: number; end: number };
  offsetUtcMinutes: number;
}

export interface TGeneratedSql {
  sql: string;
  params: unknown[];
  columns: Array<{ name: string; type: TColumnType }>;
  groupColumnCount: number;
}

interface TScope {
  aliases: Partial<Record<TUsqlTable, string>>;
  /** Renders an existential child condition another way (a per-session flag) instead of EXISTS. */
  childFlag?: (cond: TCheckedCond, child: TChildTable) => string | undefined;
  /** On a laterally joined usersession query: true on one row per session. */
  first?: string;
  lateral?: TChildTable;
}

/** A funnel's child condition as SQL; `field = v` / `field IN (…)` on a text column keep their parts. */
interface TFunnelLeaf {
  sql: string;
  /** The column and value parameters, so such leaves on one column merge into one `IN` (an index range). */
  membership?: { operand: string; values: string[] };
}

const CHILD_ORDER = (alias: string): string => `${alias}.start_time, ${alias}.event_id`;

/** Builds one parameterised SELECT from a checked query. User values only ever become parameters. */
class Generator {
  private readonly values: unknown[] = [];
  private readonly shared = new Map<string, string>();
  private aliasCounter = 0;
  private readonly appIds: string;
  private readonly frameStart: string;
  private readonly frameEnd: string;

  constructor(
    private readonly dialect: SqlDialect,
    private readonly options: TGenerateOptions,
  ) {
    this.appIds = this.add([...options.applicationIds], 'text[]');
    this.frameStart = dialect.epochMsToDate(this.add(options.timeFrame.start, 'float8'));
    this.frameEnd = dialect.epochMsToDate(this.add(options.timeFrame.end, 'float8'));
  }

  private add(value: unknown, type: TParamType): string {
    this.values.push(value);
    return this.dialect.param(this.values.length, type);
  }

  private once(name: string, value: unknown, type: TParamType): string {
    const existing = this.shared.get(name);
    if (existing) return existing;
    const param = this.add(value, type);
    this.shared.set(name, param);
    return param;
  }

  private nextAlias(): string {
    this.aliasCounter += 1;
    return `x${this.aliasCounter}`;
  }

  private storage(table: TUsqlTable): string {
    return this.dialect.identifier(TABLES[table].storageTable);
  }

  private sessionScope(alias: string): string[] {
    const d = this.dialect;
    return [
      `${d.column(alias, 'application_id')} = ANY(${this.appIds})`,
      `${d.column(alias, 'start_time')} >= ${this.frameStart}`,
      `${d.column(alias, 'start_time')} < ${this.frameEnd}`,
    ];
  }

  /** A child row belongs to the tenant, the frame (by its session's start) and its session. */
  private childLink(alias: string, sessionAlias: string): string {
    const d = this.dialect;
    return [
      `${d.column(alias, 'application_id')} = ${d.column(sessionAlias, 'application_id')}`,
      `${d.column(alias, 'session_id')} = ${d.column(sessionAlias, 'session_id')}`,
      `${d.column(alias, 'application_id')} = ANY(${this.appIds})`,
      `${d.column(alias, 'session_start_time')} >= ${this.frameStart}`,
      `${d.column(alias, 'session_start_time')} < ${this.frameEnd}`,
    ].join(' AND ');
  }

  private aliasFor(table: TUsqlTable, scope: TScope): string {
    const alias = scope.aliases[table];
    if (!alias) throw new Error(`internal: ${table} is not in scope`);
    return alias;
  }

  private offset(): string {
    return this.once('offset', this.options.offsetUtcMinutes, 'integer');
  }

  private literal(expr: TCheckedExpr & { kind: 'literal' }): string {
    if (expr.value === null || expr.type === 'null') return 'NULL';
    if (expr.type === 'date') return this.dialect.epochMsToDate(this.add(expr.value, 'float8'));
    // A whole-number literal compares with integer columns natively (no per-row cast, indexable).
    if (expr.type === 'long' && Number.isSafeInteger(expr.value)) return this.add(expr.value, 'bigint');
    return this.add(expr.value, castFor(expr.type));
  }

  render(expr: TCheckedExpr, scope: TScope): string {
    const d = this.dialect;
    switch (expr.kind) {
      case 'field': {
        const alias = this.aliasFor(expr.table, scope);
        if (expr.field.derived) {
          const { column, op, value } = expr.field.derived;
          return `(${d.column(alias, column)} ${op} ${value})`;
        }
        return d.column(alias, expr.field.column as string);
      }
      case 'property':
        return d.property(this.aliasFor(expr.table, scope), this.add(expr.key, 'text'), expr.type);
      case 'propertyMap':
        return d.propertyMap(this.aliasFor(expr.table, scope), this.add(expr.keys, 'text[]'));
      case 'keys':
        return d.propertyKeys(this.aliasFor(expr.table, scope), this.add(expr.keys, 'text[]'));
      case 'json': {
        const alias = this.aliasFor(expr.table, scope);
        const pairs: [string, string][] = TABLES[expr.table].fields.map((field) => [
          field.name,
          d.output(this.render({ kind: 'field', table: expr.table, field, type: field.type }, scope), field.type),
        ]);
        if (TABLES[expr.table].propertyScopes.length > 0) pairs.push(['properties', d.column(alias, 'properties')]);
        return d.jsonRecord(pairs);
      }
      case 'literal':
        return this.literal(expr);
      case 'duration':
        return this.add(expr.duration.ms, 'numeric');
      case 'negate':
        return d.negate(this.render(expr.operand, scope));
      case 'arith':
        return this.renderArithmetic(expr, scope);
      case 'datePart':
        return d.datePart(expr.part, this.render(expr.operand, scope), this.offset());
      case 'datetime': {
        const bucket = expr.bucket
          ? expr.bucket.kind === 'unit'
            ? { kind: expr.bucket.kind, sql: this.add(expr.bucket.unit, 'text') }
            : { kind: expr.bucket.kind, sql: this.add(expr.bucket.seconds, 'float8') }
          : undefined;
        return d.formatDate(this.render(expr.operand, scope), this.add(d.translateDateFormat(expr.format), 'text'), bucket, this.offset());
      }
      case 'aggregate': {
        const childLevel = scope.lateral !== undefined && expr.arg !== undefined && tablesOf(expr.arg).has(scope.lateral);
        const filters: string[] = [];
        if (scope.first && !childLevel) filters.push(scope.first);
        if (expr.condition) {
          const condScope: TScope = childLevel ? { aliases: scope.aliases } : { aliases: withoutLateral(scope) };
          filters.push(this.renderCond(expr.condition, condScope));
        }
        const filter = filters.length > 0 ? filters.join(' AND ') : undefined;
        if (!expr.arg) return d.countRows(filter);
        const argType = expr.arg.type === 'date' || expr.arg.type === 'string' || expr.arg.type === 'long' || expr.arg.type === 'double' || expr.arg.type === 'boolean' ? expr.arg.type : undefined;
        return d.aggregate(expr.fn, this.render(expr.arg, scope), {
          distinct: expr.distinct,
          ...(expr.fraction === undefined ? {} : { fractionParam: this.add(expr.fraction, 'float8') }),
          ...(filter ? { filter } : {}),
          ...(argType ? { argType } : {}),
        });
      }
      case 'top': {
        const childLevel = scope.lateral !== undefined && tablesOf(expr.operand).has(scope.lateral);
        const filter = scope.first && !childLevel ? scope.first : undefined;
        return d.topValues(this.render(expr.operand, scope), this.add(expr.n, 'bigint'), filter, (v) => d.output(v, expr.operand.type));
      }
    }
  }

  private renderArithmetic(expr: TCheckedExpr & { kind: 'arith' }, scope: TScope): string {
    const d = this.dialect;
    const { left, right, op } = expr;
    if (expr.type === 'date') {
      const dateSide = left.type === 'date' ? left : right;
      const other = left.type === 'date' ? right : left;
      const date = this.render(dateSide, scope);
      if (other.kind === 'duration') {
        return d.addDuration(date, this.add(other.duration.months, 'integer'), this.add(other.duration.ms, 'float8'), op === '-');
      }
      return d.addMs(date, this.render(other, scope), op === '-');
    }
    if (left.type === 'date' && right.type === 'date') {
      return d.arithmetic('-', d.dateToEpochMs(this.render(left, scope)), d.dateToEpochMs(this.render(right, scope)), true);
    }
    return d.arithmetic(op, this.render(left, scope), this.render(right, scope), expr.type === 'long');
  }

  renderCond(cond: TCheckedCond, scope: TScope): string {
    const recurse = (c: TCheckedCond): string => this.renderCond(c, scope);
    switch (cond.kind) {
      case 'and':
        return `(${recurse(cond.left)} AND ${recurse(cond.right)})`;
      case 'or':
        return `(${recurse(cond.left)} OR ${recurse(cond.right)})`;
      case 'not':
        return `(NOT ${recurse(cond.operand)})`;
      default:
        break;
    }
    const missing = [...condTablesOf(cond)].filter((t) => !scope.aliases[t]) as TChildTable[];
    const child = missing[0];
    if (!child) return this.renderLeaf(cond, scope);
    // Each condition on a child table is existential on its own (USQL.md §3).
    const flag = scope.childFlag?.(cond, child);
    if (flag !== undefined) return flag;
    const alias = this.nextAlias();
    const inner: TScope = { aliases: { ...scope.aliases, [child]: alias } };
    const sessionAlias = this.aliasFor('usersession', scope);
    return this.dialect.exists(`${this.storage(child)} ${alias}`, `${this.childLink(alias, sessionAlias)} AND ${this.renderLeaf(cond, inner)}`);
  }

  /** renderLeaf's SQL for a funnel child condition, plus its parts when it is a text membership test. */
  private renderFunnelLeaf(cond: TCheckedCond, scope: TScope): TFunnelLeaf {
    const isTextColumn = (expr: TCheckedExpr): boolean => expr.kind === 'field' && !expr.field.derived && expr.type === 'string';
    const isText = (expr: TCheckedExpr): boolean => expr.kind === 'literal' && expr.type === 'string';
    if (cond.kind === 'compare' && cond.op === '=' && !cond.ip && isTextColumn(cond.left) && isText(cond.right)) {
      const operand = this.render(cond.left, scope);
      const value = this.render(cond.right, scope);
      return { sql: `(${operand} = ${value})`, membership: { operand, values: [value] } };
    }
    if (cond.kind === 'in' && !cond.negated && isTextColumn(cond.operand) && cond.values.every(isText)) {
      const operand = this.render(cond.operand, scope);
      const values = cond.values.map((value) => this.render(value, scope));
      return { sql: `(${operand} IN (${values.join(', ')}))`, membership: { operand, values } };
    }
    return { sql: this.renderLeaf(cond, scope) };
  }

  private renderLeaf(cond: TCheckedCond, scope: TScope): string {
    const d = this.dialect;
    switch (cond.kind) {
      case 'compare': {
        const op = cond.op === '!=' ? '<>' : cond.op;
        if (cond.ip) {
          return `(${d.toIp(this.render(cond.left, scope))} ${op} ${d.ipParam(this.add((cond.right as { value: unknown }).value, 'text'))})`;
        }
        return `(${this.render(cond.left, scope)} ${op} ${this.render(cond.right, scope)})`;
      }
      case 'isNull':
        return `(${this.render(cond.operand, scope)} IS ${cond.negated ? 'NOT ' : ''}NULL)`;
      case 'in':
        return `(${this.render(cond.operand, scope)} ${cond.negated ? 'NOT ' : ''}IN (${cond.values.map((v) => this.render(v, scope)).join(', ')}))`;
      case 'between': {
        const not = cond.negated ? 'NOT ' : '';
        if (cond.ip) {
          const low = d.ipParam(this.add((cond.low as { value: unknown }).value, 'text'));
          const high = d.ipParam(this.add((cond.high as { value: unknown }).value, 'text'));
          return `(${d.toIp(this.render(cond.operand, scope))} ${not}BETWEEN ${low} AND ${high})`;
        }
        return `(${this.render(cond.operand, scope)} ${not}BETWEEN ${this.render(cond.low, scope)} AND ${this.render(cond.high, scope)})`;
      }
      case 'like': {
        const sql = d.like(this.render(cond.operand, scope), this.add(cond.pattern, 'text'));
        return cond.negated ? `(NOT (${sql}))` : `(${sql})`;
      }
      case 'truthy':
        return `(${this.render(cond.operand, scope)} IS TRUE)`;
      default:
        throw new Error('internal: not a leaf');
    }
  }

  generate(query: TCheckedQuery): TGeneratedSql {
    const d = this.dialect;
    const isSession = query.table === 'usersession';
    const base: TScope = { aliases: isSession ? { usersession: 's' } : { [query.table]: 'c', usersession: 's' } };
    let from = isSession
      ? `${this.storage('usersession')} s`
      : `${this.storage(query.table)} c JOIN ${this.storage('usersession')} s ON ${d.column('s', 'application_id')} = ${d.column('c', 'application_id')} AND ${d.column('s', 'session_id')} = ${d.column('c', 'session_id')}`;
    const where: string[] = [];
    if (!isSession) {
      where.push(`${d.column('c', 'application_id')} = ANY(${this.appIds})`);
      where.push(`${d.column('c', 'session_start_time')} >= ${this.frameStart}`);
      where.push(`${d.column('c', 'session_start_time')} < ${this.frameEnd}`);
    }
    where.push(...this.sessionScope('s'));
    if (!query.includeInvalid) where.push(`${d.column('s', 'is_invalid')} IS NOT TRUE`);
    if (query.where) where.push(this.renderCond(query.where, base));

    if (query.shape === 'funnel') {
      // One pass over the children: the child rows (of one child table) in the frame that match
      // some step's child condition are grouped by session first, each child condition becoming
      // bool_or over the session's rows; the sessions are then joined to those flags, one row per
      // session. The CASE yields how many leading steps a session matches (evaluated once per
      // session); step k counts the sessions whose depth is at least k. Conditions on a second
      // child table stay existential subqueries.
      let joined: { child: TChildTable; leaves: TFunnelLeaf[] } | undefined;
      const childFlag = (cond: TCheckedCond, child: TChildTable): string | undefined => {
        if ([...condTablesOf(cond)].some((t) => t !== child)) return undefined;
        joined ??= { child, leaves: [] };
        if (joined.child !== child) return undefined;
        joined.leaves.push(this.renderFunnelLeaf(cond, { aliases: { [child]: 'fc' } }));
        // Null when the session has no matching child row (left join): not true.
        return `(${d.column('fa', `f${joined.leaves.length - 1}`)} IS TRUE)`;
      };
      const stepScope: TScope = { ...base, childFlag };
      const branches = query.funnel.map((step, index) => `WHEN (${this.renderCond(step.condition, stepScope)}) IS NOT TRUE THEN ${index}`);
      const depth = `CASE ${branches.join(' ')} ELSE ${query.funnel.length} END`;
      const columns = query.funnel.map((_, index) => `${d.output(d.sumCounts('f.n', `f.depth > ${index}`), 'long')} AS c${index}`);
      const counted = (sessions: string): string =>
        `SELECT ${columns.join(', ')} FROM (SELECT g.depth, ${d.countRows()} AS n FROM (SELECT ${depth} AS depth FROM ${sessions} WHERE ${where.join(' AND ')}) AS g GROUP BY g.depth) AS f`;
      let sql = counted(from);
      if (joined) {
        const { child, leaves } = joined;
        const flags = leaves.map((leaf, index) => `${d.anyRow(leaf.sql)} AS f${index}`);
        const childWhere = [
          `${d.column('fc', 'application_id')} = ANY(${this.appIds})`,
          `${d.column('fc', 'session_start_time')} >= ${this.frameStart}`,
          `${d.column('fc', 'session_start_time')} < ${this.frameEnd}`,
          funnelChildFilter(leaves),
        ];
        // With one application in scope (both sides are confined to it) the session id alone is
        // the key: a narrower hash key for the grouping and the join (15–20% on the bench's funnel).
        const oneApplication = new Set(this.options.applicationIds).size === 1;
        const keys = oneApplication ? d.column('fc', 'session_id') : `${d.column('fc', 'application_id')}, ${d.column('fc', 'session_id')}`;
        const perSession = `SELECT ${keys}, ${flags.join(', ')} FROM ${this.storage(child)} fc WHERE ${childWhere.join(' AND ')} GROUP BY ${keys}`;
        // A session without a matching child row can only count when the first step can hold
        // without one (a session condition, a NOT, an OR with one); otherwise an inner join lets
        // the planner start from the matching child rows instead of every session in the frame.
        const firstStep = (query.funnel[0] as TCheckedFunnelStep).condition;
        const join = valueWithoutChildRows(firstStep, child) === false ? 'JOIN' : 'LEFT JOIN';
        const sameSession = `${d.column('fa', 'session_id')} = ${d.column('s', 'session_id')}`;
        const link = oneApplication ? sameSession : `${d.column('fa', 'application_id')} = ${d.column('s', 'application_id')} AND ${sameSession}`;
        // Computed once, before the join: a subquery the planner may instead repeat in every
        // parallel worker, or flatten into a join-then-group by session.
        sql = d.withMaterialized('fa', perSession, counted(`${from} ${join} fa ON ${link}`));
      }
      return {
        sql,
        params: this.values,
        columns: query.funnel.map((step) => ({ name: step.label, type: 'long' as const })),
        groupColumnCount: 0,
      };
    }

    let scope = base;
    if (query.aggregatedChild) {
      const child = query.aggregatedChild;
      from += ` ${d.lateralChildren(TABLES[child].storageTable, 'lc', 'li', this.childLink('li', 's'), CHILD_ORDER('li'))}`;
      scope = { aliases: { ...base.aliases, [child]: 'lc' }, first: `(lc.__rn IS NULL OR lc.__rn = 1)`, lateral: child };
    }
    const keyRowItem = query.items.find((item) => item.keyRows);
    if (keyRowItem && keyRowItem.expr.kind === 'keys') {
      const rowAlias = this.aliasFor(keyRowItem.expr.table, base);
      from += ` ${d.propertyKeyRows(rowAlias, 'k')}`;
      where.push(`k.key = ANY(${this.add(keyRowItem.expr.keys, 'text[]')})`);
    }

    const raws = query.items.map((item) => this.renderItemRaw(item, scope));
    const selects = query.items.map((item, index) => this.outputItem(item, raws[index] as string));
    const groupBy = query.groupBy.map((group) => (group.itemIndex !== undefined ? (raws[group.itemIndex] as string) : this.render(group.expr, scope)));
    const having = query.items
      .filter((item) => item.filter)
      .map((item) => {
        const filter = item.filter as NonNullable<TCheckedItem['filter']>;
        return `${raws[query.items.indexOf(item)]} ${filter.op === '!=' ? '<>' : filter.op} ${this.render(filter.value, scope)}`;
      });

    const groupedTops = query.items.map((item, index) => ({ item, index })).filter(({ item }) => item.grouped && item.expr.kind === 'top');
    const direction = (descending: boolean): string => (descending ? ' DESC NULLS LAST' : ' ASC NULLS LAST');
    const limit = this.add(query.limit, 'bigint');
    const groupSql = groupBy.length > 0 ? ` GROUP BY ${groupBy.join(', ')}` : '';
    const havingSql = having.length > 0 ? ` HAVING ${having.join(' AND ')}` : '';
    const whereSql = ` WHERE ${where.join(' AND ')}`;

    let sql: string;
    if (groupedTops.length === 0) {
      const orderBy = query.orderBy.map((order) => `${order.itemIndex !== undefined ? String(order.itemIndex + 1) : this.render(order.expr, scope)}${direction(order.descending)}`);
      const orderSql = orderBy.length > 0 ? ` ORDER BY ${orderBy.join(', ')}` : '';
      sql = `SELECT ${selects.map((s, i) => `${s} AS c${i}`).join(', ')} FROM ${from}${whereSql}${groupSql}${havingSql}${orderSql} LIMIT ${limit}`;
    } else {
      // TOP(f, n) on a grouped f keeps the groups of the n most frequent values of f overall.
      const inner = selects.map((s, i) => `${s} AS c${i}`);
      const hidden: string[] = [];
      const orderBy = query.orderBy.map((order) => {
        if (order.itemIndex !== undefined) return `w.c${order.itemIndex}${direction(order.descending)}`;
        hidden.push(`${this.render(order.expr, scope)} AS h${hidden.length}`);
        return `w.h${hidden.length - 1}${direction(order.descending)}`;
      });
      const ranks: string[] = [];
      const rankFilters: string[] = [];
      groupedTops.forEach(({ item, index }, t) => {
        inner.push(`${d.windowSum(d.countRows(scope.first), raws[index] as string)} AS t${t}`);
        ranks.push(`${d.denseRank(`q.t${t} DESC, q.c${index} ASC NULLS LAST`)} AS r${t}`);
        rankFilters.push(`w.r${t} <= ${this.add((item.expr as { n: number }).n, 'bigint')}`);
      });
      const innerSql = `SELECT ${[...inner, ...hidden].join(', ')} FROM ${from}${whereSql}${groupSql}${havingSql}`;
      const middle = `SELECT q.*, ${ranks.join(', ')} FROM (${innerSql}) AS q`;
      const orderSql = orderBy.length > 0 ? ` ORDER BY ${orderBy.join(', ')}` : '';
      sql = `SELECT ${query.items.map((_, i) => `w.c${i}`).join(', ')} FROM (${middle}) AS w WHERE ${rankFilters.join(' AND ')}${orderSql} LIMIT ${limit}`;
    }

    let groupColumnCount = 0;
    while (groupColumnCount < query.items.length && (query.items[groupColumnCount] as TCheckedItem).grouped) groupColumnCount += 1;
    return {
      sql,
      params: this.values,
      columns: query.items.map((item) => ({ name: item.name, type: item.columnType })),
      groupColumnCount,
    };
  }

  /** The item's value before output conversion; GROUP BY repeats exactly this text. */
  private renderItemRaw(item: TCheckedItem, scope: TScope): string {
    if (item.keyRows) return 'k.key';
    if (item.grouped && item.expr.kind === 'top') return this.render(item.expr.operand, scope);
    if (item.childArray) {
      const alias = this.nextAlias();
      const inner: TScope = { aliases: { usersession: 's', [item.childArray]: alias } };
      const value = this.dialect.output(this.render(item.expr, inner), item.expr.type);
      return this.dialect.arraySubquery(value, `${this.storage(item.childArray)} ${alias}`, this.childLink(alias, 's'), CHILD_ORDER(alias));
    }
    return this.render(item.expr, scope);
  }

  private outputItem(item: TCheckedItem, raw: string): string {
    if (item.keyRows || item.childArray || item.expr.kind === 'top' && !item.grouped) return raw;
    const type = item.grouped && item.expr.kind === 'top' ? item.expr.operand.type : item.expr.type;
    return this.dialect.output(raw, type);
  }
}

/**
 * The rows a funnel reads from its child table: those matching some step's child condition. When
 * every condition is a membership test on one text column (`name = 'a'`, `name IN ('b', 'c')`)
 * this is one `IN`, which an index on that column scans as ranges (index-only when it covers the
 * link columns); an OR of them would be a bitmap scan through the table.
 */
function funnelChildFilter(leaves: readonly TFunnelLeaf[]): string {
  const operand = leaves[0]?.membership?.operand;
  if (operand !== undefined && leaves.every((leaf) => leaf.membership?.operand === operand)) {
    return `(${operand} IN (${leaves.flatMap((leaf) => leaf.membership?.values ?? []).join(', ')}))`;
  }
  return `(${leaves.map((leaf) => leaf.sql).join(' OR ')})`;
}

/**
 * The value of a funnel step for a session none of whose rows of `child` match: every condition
 * on `child` is then false; `undefined` when it depends on anything else (session fields, another
 * child table). SQL's three-valued AND/OR agree: false AND unknown is false, true OR unknown true.
 */
function valueWithoutChildRows(cond: TCheckedCond, child: TChildTable): boolean | undefined {
  switch (cond.kind) {
    case 'and': {
      const left = valueWithoutChildRows(cond.left, child);
      const right = valueWithoutChildRows(cond.right, child);
      if (left === false || right === false) return false;
      return left === true && right === true ? true : undefined;
    }
    case 'or': {
      const left = valueWithoutChildRows(cond.left, child);
      const right = valueWithoutChildRows(cond.right, child);
      if (left === true || right === true) return true;
      return left === false && right === false ? false : undefined;
    }
    case 'not': {
      const value = valueWithoutChildRows(cond.operand, child);
      return value === undefined ? undefined : !value;
    }
    default: {
      const tables = [...condTablesOf(cond)];
      return tables.length === 1 && tables[0] === child ? false : undefined;
    }
  }
}

function withoutLateral(scope: TScope): Partial<Record<TUsqlTable, string>> {
  if (!scope.lateral) return scope.aliases;
  const { [scope.lateral]: _removed, ...rest } = scope.aliases;
  return rest;
}

export function generateSql(query: TCheckedQuery, dialect: SqlDialect, options: TGenerateOptions): TGeneratedSql {
  return new Generator(dialect, options).generate(query);
}
