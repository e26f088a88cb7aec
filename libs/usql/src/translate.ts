import { z } from 'zod';
import { checkUsql } from './checker';
import type { TColumnType } from './catalog';
import type { SqlDialect } from './dialect';
import { generateSql } from './generator';
import { parseUsql } from './parser';
import { postgresDialect } from './postgres-dialect';
import { ZUsqlPropertyDefinition } from './property-definition';

export const ZUsqlTranslateOptions = z
  .object({
    definitions: z.array(ZUsqlPropertyDefinition),
    applicationIds: z.array(z.string().min(1)).min(1),
    timeFrame: z.object({ start: z.number().finite(), end: z.number().finite() }).refine((frame) => frame.start <= frame.end, {
      message: 'timeFrame.start must not be after timeFrame.end',
    }),
    now: z.number().finite(),
    offsetUtcMinutes: z.number().int().min(-14 * 60).max(14 * 60).default(0),
    defaultLimit: z.number().int().min(1).default(50),
    maxLimit: z.number().int().min(1).default(5000),
    maxGroups: z.number().int().min(1).max(100_000).default(10_000),
  })
  .refine((options) => options.defaultLimit <= options.maxLimit, { message: 'defaultLimit must not exceed maxLimit' });

export type TUsqlTranslateOptions = z.input<typeof ZUsqlTranslateOptions>;

export interface TUsqlColumn {
  name: string;
  type: TColumnType;
}

export interface TUsqlTranslation {
  sql: string;
  params: unknown[];
  columns: TUsqlColumn[];
  shape: 'table' | 'funnel';
  /** How many leading columns are grouping keys (the branches of a tree result). */
  groupColumnCount: number;
  explanations: string[];
}

/**
 * Translates USQL text into one parameterised SELECT. Tenant (`applicationIds`) and time frame
 * are applied to every table the statement reads, whatever the query says. Throws `UsqlError`
 * for a query the user must fix; a bad `options` object is a programming error (zod throws).
 */
export function translateUsql(text: string, options: TUsqlTranslateOptions, dialect: SqlDialect = postgresDialect): TUsqlTranslation {
  const settings = ZUsqlTranslateOptions.parse(options);
  const ast = parseUsql(text);
  const checked = checkUsql(ast, {
    text,
    definitions: settings.definitions,
    now: settings.now,
    timeFrame: settings.timeFrame,
    offsetUtcMinutes: settings.offsetUtcMinutes,
    defaultLimit: settings.defaultLimit,
    maxLimit: settings.maxLimit,
    maxGroups: settings.maxGroups,
  });
  const generated = generateSql(checked, dialect, {
    applicationIds: settings.applicationIds,
    timeFrame: settings.timeFrame,
    offsetUtcMinutes: settings.offsetUtcMinutes,
  });
  return {
    sql: generated.sql,
    params: generated.params,
    columns: generated.columns,
    shape: checked.shape,
    groupColumnCount: generated.groupColumnCount,
    explanations: [
      `applications: ${settings.applicationIds.length}; sessions starting in [${new Date(settings.timeFrame.start).toISOString()}, ${new Date(settings.timeFrame.end).toISOString()})`,
      ...checked.explanations,
      `LIMIT ${checked.limit}`,
    ],
  };
}
