import { z } from 'zod';
import { USQL_RESULT_SHAPES, ZUsqlRequest, ZUsqlTableResult, ZUsqlTreeResult } from '@trailmark/query';

export const ZRunUsqlRequest = ZUsqlRequest.extend({ shape: z.enum(USQL_RESULT_SHAPES).default('table') });
export type TRunUsqlRequest = z.input<typeof ZRunUsqlRequest>;
export const ZRunUsqlResponse = z.union([ZUsqlTableResult, ZUsqlTreeResult]);

export const ZUsqlCompletionsRequest = z.object({ applicationId: z.string().min(1) });
export type TUsqlCompletionsRequest = z.infer<typeof ZUsqlCompletionsRequest>;

const ZScalarType = z.enum(['string', 'long', 'double', 'boolean', 'date']);
export const ZUsqlCompletionsResponse = z.object({
  tables: z.array(
    z.object({
      name: z.string(),
      fields: z.array(z.object({ name: z.string(), type: ZScalarType, values: z.array(z.string()).readonly().optional(), description: z.string().optional() })),
      properties: z.array(z.object({ key: z.string(), type: ZScalarType, scope: z.enum(['event', 'session', 'both']), insertText: z.string(), prefixedText: z.string() })),
    }),
  ),
  functions: z.array(z.object({ name: z.string(), signature: z.string(), aggregate: z.boolean(), description: z.string() })),
  keywords: z.array(z.string()),
  variables: z.array(z.string()),
  propertyNamespaces: z.array(z.string()),
});
