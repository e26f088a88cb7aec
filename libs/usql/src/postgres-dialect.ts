import type { TArithmeticOperator } from './ast';
import type { TColumnType } from './catalog';
import type { TAggregateFunction, TDatePart } from './checked';
import type { SqlDialect, TParamType } from './dialect';

const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const CATALOG_TEXT = /^[A-Za-z0-9_]+$/;

function assertIdentifier(name: string): string {
  if (!SAFE_IDENTIFIER.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return name;
}

const FORMAT_TOKENS: [string, string][] = [
  ['yyyy', 'YYYY'],
  ['yy', 'YY'],
  ['MM', 'MM'],
  ['M', 'FMMM'],
  ['dd', 'DD'],
  ['d', 'FMDD'],
  ['HH', 'HH24'],
  ['H', 'FMHH24'],
  ['hh', 'HH12'],
  ['h', 'FMHH12'],
  ['mm', 'MI'],
  ['ss', 'SS'],
  ['SSS', 'MS'],
  ['EEEE', 'FMDay'],
  ['EEE', 'Dy'],
  ['E', 'Dy'],
  ['a', 'AM'],
];

/** The PostgreSQL translation. Dates are `timestamptz`; property values come out of `jsonb`. */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  param: (index: number, type: TParamType) => `$${index}::${type}`,
  identifier: (name) => assertIdentifier(name),
  column: (alias, column) => `${assertIdentifier(alias)}.${assertIdentifier(column)}`,
  catalogString: (text) => {
    if (!CATALOG_TEXT.test(text)) throw new Error(`unsafe catalog text: ${text}`);
    return `'${text}'`;
  },
  epochMsToDate: (sql) => `to_timestamp(${sql} / 1000)`,
  dateToEpochMs: (sql) => `floor(extract(epoch from ${sql}) * 1000)`,
  property: (alias, keyParam, type) => {
    const value = `${alias}.properties -> ${keyParam}`;
    switch (type) {
      case 'string':
        return `(CASE WHEN jsonb_typeof(${value}) = 'string' THEN ${alias}.properties ->> ${keyParam} END)`;
      case 'long':
      case 'double':
        return `(CASE WHEN jsonb_typeof(${value}) = 'number' THEN (${alias}.properties ->> ${keyParam})::${type === 'long' ? 'numeric' : 'float8'} END)`;
      case 'boolean':
        return `(CASE WHEN jsonb_typeof(${value}) = 'boolean' THEN (${value})::boolean END)`;
      case 'date':
        return `(CASE WHEN jsonb_typeof(${value}) = 'number' THEN to_timestamp((${alias}.properties ->> ${keyParam})::float8 / 1000) END)`;
    }
  },
  propertyMap: (alias, keysParam) =>
    `(SELECT coalesce(jsonb_object_agg(p.key, p.value), '{}'::jsonb) FROM jsonb_each(CASE WHEN jsonb_typeof(${alias}.properties) = 'object' THEN ${alias}.properties ELSE '{}'::jsonb END) AS p(key, value) WHERE p.key = ANY(${keysParam}))`,
  propertyKeys: (alias, keysParam) =>
    `ARRAY(SELECT p.key FROM jsonb_object_keys(CASE WHEN jsonb_typeof(${alias}.properties) = 'object' THEN ${alias}.properties ELSE '{}'::jsonb END) AS p(key) WHERE p.key = ANY(${keysParam}) ORDER BY p.key)`,
  propertyKeyRows: (rowAlias, alias) =>
    `CROSS JOIN LATERAL jsonb_object_keys(CASE WHEN jsonb_typeof(${rowAlias}.properties) = 'object' THEN ${rowAlias}.properties ELSE '{}'::jsonb END) AS ${assertIdentifier(alias)}(key)`,
  arithmetic: (op: TArithmeticOperator, left, right, integer) => {
    if (integer) {
      if (op === '/') return `div((${left})::numeric, NULLIF((${right})::numeric, 0))`;
      if (op === '%') return `mod((${left})::numeric, NULLIF((${right})::numeric, 0))`;
      return `((${left})::numeric ${op} (${right})::numeric)`;
    }
    if (op === '/') return `((${left})::float8 / NULLIF((${right})::float8, 0))`;
    if (op === '%') return `mod((${left})::numeric, NULLIF((${right})::numeric, 0))::float8`;
    return `((${left})::float8 ${op} (${right})::float8)`;
  },
  negate: (sql) => `(-(${sql}))`,
  addDuration: (date, monthsParam, msParam, subtract) => {
    const sign = subtract ? '-' : '+';
    return `(${date} ${sign} (${monthsParam} * interval '1 month') ${sign} (${msParam} * interval '1 millisecond'))`;
  },
  addMs: (date, ms, subtract) => `(${date} ${subtract ? '-' : '+'} (${ms})::float8 * interval '1 millisecond')`,
  datePart: (part: TDatePart, date, offsetParam) =>
    `extract(${part} from ((${date}) AT TIME ZONE 'UTC') + ${offsetParam} * interval '1 minute')::integer`,
  formatDate: (date, formatParam, bucket, offsetParam) => {
    const local = `(((${date}) AT TIME ZONE 'UTC') + ${offsetParam} * interval '1 minute')`;
    let bucketed = local;
    if (bucket?.kind === 'unit') bucketed = `date_trunc(${bucket.sql}, ${local})`;
    // Buckets of n seconds counted from the epoch. date_bin stays in timestamp arithmetic;
    // extract(epoch …) returns numeric (PostgreSQL 14+), about 1 µs per row, the largest per-row
    // cost of an hourly DATETIME.
    if (bucket?.kind === 'seconds') bucketed = `date_bin(make_interval(secs => ${bucket.sql}), ${local}, timestamp '1970-01-01')`;
    return `to_char(${bucketed}, ${formatParam})`;
  },
  translateDateFormat: (format: string) => {
    let out = '';
    let literal = '';
    const flush = (): void => {
      if (literal) out += `"${literal.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
      literal = '';
    };
    let i = 0;
    while (i < format.length) {
      const token = FORMAT_TOKENS.find(([usql]) => format.startsWith(usql, i) && format[i + usql.length] !== usql[0]);
      if (token) {
        flush();
        out += token[1];
        i += token[0].length;
        continue;
      }
      const ch = format[i] as string;
      // Runs of a known letter longer than its tokens (e.g. `yyyyy`) are taken literally.
      literal += ch;
      i += 1;
    }
    flush();
    return out;
  },
  like: (operand, patternParam) => `${operand} LIKE ${patternParam} ESCAPE '\\'`,
  toIp: (sql) =>
    `(CASE WHEN ${sql} ~ '^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$' OR (${sql} ~ '^[0-9a-fA-F:.]+$' AND ${sql} LIKE '%:%' AND ${sql} NOT LIKE '%:::%') THEN (${sql})::inet END)`,
  ipParam: (param) => `(${param})::inet`,
  aggregate: (fn: TAggregateFunction, arg, { distinct, fractionParam, filter, argType }) => {
    const filterSql = filter ? ` FILTER (WHERE ${filter})` : '';
    const isDate = argType === 'date';
    switch (fn) {
      case 'count':
        return `count(${arg === undefined ? '*' : `${distinct ? 'DISTINCT ' : ''}${arg}`})${filterSql}`;
      case 'avg':
        return isDate ? `to_timestamp(avg(extract(epoch from ${arg}))${filterSql})` : `avg((${arg})::float8)${filterSql}`;
      case 'percentile':
        return isDate
          ? `to_timestamp(percentile_cont(${fractionParam}) WITHIN GROUP (ORDER BY extract(epoch from ${arg}))${filterSql})`
          : `percentile_cont(${fractionParam}) WITHIN GROUP (ORDER BY (${arg})::float8)${filterSql}`;
      default:
        return `${fn}(${arg})${filterSql}`;
    }
  },
  anyRow: (condition) => `(bool_or(${condition}) IS TRUE)`,
  sumCounts: (counts, filter) => `coalesce(sum(${counts}) FILTER (WHERE ${filter}), 0)`,
  countRows: (filter) => `count(*)${filter ? ` FILTER (WHERE ${filter})` : ''}`,
  topValues: (arg, nParam, filter, convert) =>
    `(SELECT coalesce(array_agg(${convert('t.v')} ORDER BY t.n DESC, t.v), '{}') FROM (SELECT u.v, count(*) AS n FROM unnest(array_agg(${arg})${
      filter ? ` FILTER (WHERE ${filter})` : ''
    }) AS u(v) WHERE u.v IS NOT NULL GROUP BY u.v ORDER BY count(*) DESC, u.v LIMIT ${nParam}) AS t)`,
  arraySubquery: (select, from, where, orderBy) => `ARRAY(SELECT ${select} FROM ${from} WHERE ${where} ORDER BY ${orderBy})`,
  exists: (from, where) => `EXISTS (SELECT 1 FROM ${from} WHERE ${where})`,
  withMaterialized: (name, select, body) => `WITH ${assertIdentifier(name)} AS MATERIALIZED (${select}) ${body}`,
  jsonRecord: (pairs) => {
    const chunks: string[] = [];
    // jsonb_build_object takes at most 100 arguments; concatenate chunks of 40 pairs.
    for (let i = 0; i < pairs.length; i += 40) {
      chunks.push(`jsonb_build_object(${pairs.slice(i, i + 40).map(([k, v]) => `${postgresDialect.catalogString(k)}, ${v}`).join(', ')})`);
    }
    return chunks.join(' || ');
  },
  output: (sql, type: TColumnType | 'duration' | 'null') => {
    switch (type) {
      case 'date':
        return `(floor(extract(epoch from ${sql}) * 1000))::float8`;
      case 'long':
      case 'double':
      case 'duration':
        return `(${sql})::float8`;
      default:
        return sql;
    }
  },
  lateralChildren: (table, alias, innerAlias, link, orderBy) =>
    `LEFT JOIN LATERAL (SELECT ${innerAlias}.*, row_number() OVER (ORDER BY ${orderBy}) AS __rn FROM ${assertIdentifier(table)} ${innerAlias} WHERE ${link}) AS ${assertIdentifier(alias)} ON true`,
  windowSum: (sql, partitionBy) => `sum(${sql}) OVER (PARTITION BY ${partitionBy})`,
  denseRank: (orderBy) => `dense_rank() OVER (ORDER BY ${orderBy})`,
};
