import type { TUsqlColumn } from '@trailmark/usql';
import type { TUsqlTableResult, TUsqlTreeResult } from './usql-request';

const MINUTE_MS = 60_000;

/** JSON-safe cell: finite numbers stay numbers, NaN/Infinity become null, dates shift by offsetUTC. */
function cellOf(value: unknown, column: TUsqlColumn, offsetMs: number): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return column.type === 'date' ? value + offsetMs : value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime() + offsetMs;
  return value;
}

export function formatRows(rows: readonly unknown[][], columns: readonly TUsqlColumn[], offsetUtcMinutes: number): unknown[][] {
  const offsetMs = offsetUtcMinutes * MINUTE_MS;
  return rows.map((row) => columns.map((column, index) => cellOf(row[index], column, offsetMs)));
}

export function formatTable(rows: readonly unknown[][], columns: readonly TUsqlColumn[], offsetUtcMinutes: number): TUsqlTableResult {
  return { columnNames: columns.map((column) => column.name), values: formatRows(rows, columns, offsetUtcMinutes), extrapolationLevel: 1 };
}

function branchKeyOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The tree of a grouped result: one nesting level per leading grouping column, the remaining
 * columns as the leaf array. Rows keep their order as object insertion order.
 */
export function formatTree(
  rows: readonly unknown[][],
  columns: readonly TUsqlColumn[],
  groupColumnCount: number,
  offsetUtcMinutes: number,
): TUsqlTreeResult {
  const cells = formatRows(rows, columns, offsetUtcMinutes);
  // Null-prototype objects: a branch value such as `__proto__` is just a key.
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const row of cells) {
    let node = values;
    for (let level = 0; level < groupColumnCount; level += 1) {
      const key = branchKeyOf(row[level]);
      if (level === groupColumnCount - 1) {
        node[key] = row.slice(groupColumnCount);
      } else {
        const next = node[key];
        if (next === undefined || Array.isArray(next) || typeof next !== 'object' || next === null) node[key] = Object.create(null);
        node = node[key] as Record<string, unknown>;
      }
    }
  }
  return {
    branchNames: columns.slice(0, groupColumnCount).map((column) => column.name),
    leafNames: columns.slice(groupColumnCount).map((column) => column.name),
    values,
    extrapolationLevel: 1,
  };
}
