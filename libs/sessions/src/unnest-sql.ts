/** A column written through `unnest`: its name and its SQL type (each parameter is an array of it). */
export type TColumn = readonly [name: string, sqlType: string];

/** What one array element may be; jsonb values travel as their JSON text. */
export type TArrayElement = string | number | bigint | boolean | null | undefined;

/**
 * One multi-row INSERT whose rows travel as one array parameter per column: one round trip and
 * one plan per batch, whatever the batch size, and Postgres parses each value once with its own
 * type's input function (no JSON document to parse and pick apart first).
 */
export function unnestInsertSql(table: string, columns: readonly TColumn[], tail: string): string {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  return `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays}) ${tail}`;
}

const NEEDS_ESCAPE = /[\\"]/;
const ESCAPED = /[\\"]/g;
// In JSON text, an escape Postgres would read differently: \b \f \n \r \t \uXXXX (false alarms,
// a literal backslash before one of these letters, only cost the slow path).
const JSON_ONLY_ESCAPE = /\\[bfnrtu]/;

/**
 * A Postgres array literal of scalars. Values map as JSON would carry them: null, undefined and
 * non-finite numbers become NULL, strings are quoted, numbers keep JavaScript's shortest form.
 * Mostly this is the JSON text itself: within quotes both escape only `"` and `\`, and an
 * unquoted `null` is NULL to Postgres.
 */
export function arrayLiteral(values: readonly TArrayElement[]): string {
  if (!values.some((value) => typeof value === 'bigint')) {
    const json = JSON.stringify(values);
    if (!JSON_ONLY_ESCAPE.test(json)) return `{${json.slice(1, -1)}}`;
  }
  return slowArrayLiteral(values);
}

function slowArrayLiteral(values: readonly TArrayElement[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) out += ',';
    const value = values[i];
    if (value === null || value === undefined) out += 'NULL';
    else if (typeof value === 'string') out += NEEDS_ESCAPE.test(value) ? `"${value.replace(ESCAPED, '\\$&')}"` : `"${value}"`;
    else if (typeof value === 'number') out += Number.isFinite(value) ? String(value) : 'NULL';
    else out += String(value);
  }
  return `${out}}`;
}

/** Rows gathered column by column, ready to be sent as `unnestInsertSql` parameters. */
export class ColumnArrays {
  readonly columns: TArrayElement[][];
  length = 0;

  constructor(width: number) {
    this.columns = Array.from({ length: width }, () => []);
  }

  push(...values: TArrayElement[]): void {
    for (let i = 0; i < this.columns.length; i += 1) (this.columns[i] as TArrayElement[]).push(values[i]);
    this.length += 1;
  }

  toParameters(): string[] {
    return this.columns.map(arrayLiteral);
  }
}
