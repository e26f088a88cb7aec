/** A column written through `jsonb_to_recordset`: its name and the SQL type to read it as. */
export type TColumn = readonly [name: string, sqlType: string];

/**
 * One multi-row INSERT whose rows travel as a single jsonb parameter: one round trip and one
 * plan per batch, whatever the batch size.
 */
export function recordsetInsertSql(table: string, columns: readonly TColumn[], tail: string): string {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const definitions = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  return `INSERT INTO "${table}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${definitions}) ${tail}`;
}
