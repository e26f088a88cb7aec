import { z } from 'zod';

/** The REST/tRPC parameters of a USQL query (USQL.md §6). Query-string values arrive as text. */
const ZFlag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1');

const ZEpochMs = z.coerce.number({ error: 'must be epoch milliseconds' }).int().min(0).max(8_640_000_000_000_000);

export const MAX_QUERY_LENGTH = 20_000;
export const MAX_PAGE_SIZE = 100_000;
export const DEFAULT_TIME_FRAME_MS = 2 * 60 * 60 * 1000;

export const ZUsqlRequest = z.object({
  // Not trimmed: error positions refer to the text as sent.
  query: z
    .string({ error: 'is required' })
    .max(MAX_QUERY_LENGTH)
    .refine((text) => text.trim().length > 0, { error: 'is required' }),
  startTimestamp: ZEpochMs.optional(),
  endTimestamp: ZEpochMs.optional(),
  /** Minutes added to output dates and to zone-less dates in the query. */
  offsetUTC: z.coerce.number().int().min(-14 * 60).max(14 * 60).default(0),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  pageOffset: z.coerce.number().int().min(0).default(0),
  applicationId: z.string().trim().min(1).max(200).optional(),
  explain: ZFlag.default(false),
});

export type TUsqlRequest = z.output<typeof ZUsqlRequest>;
export type TUsqlRequestInput = z.input<typeof ZUsqlRequest>;

export const USQL_RESULT_SHAPES = ['table', 'tree'] as const;
export type TUsqlResultShape = (typeof USQL_RESULT_SHAPES)[number];

export const ZUsqlTableResult = z.object({
  columnNames: z.array(z.string()),
  values: z.array(z.array(z.unknown())),
  extrapolationLevel: z.literal(1),
  explanations: z.array(z.string()).optional(),
});
export type TUsqlTableResult = z.infer<typeof ZUsqlTableResult>;

export const ZUsqlTreeResult = z.object({
  branchNames: z.array(z.string()),
  leafNames: z.array(z.string()),
  values: z.record(z.string(), z.unknown()),
  extrapolationLevel: z.literal(1),
  explanations: z.array(z.string()).optional(),
});
export type TUsqlTreeResult = z.infer<typeof ZUsqlTreeResult>;

/** Who asks: the applications they may read (empty = every application) and whether they may see SQL. */
export interface TUsqlCaller {
  applicationIds: readonly string[];
  canSeeSql: boolean;
}
