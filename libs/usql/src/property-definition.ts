import { z } from 'zod';

/**
 * The slice of a property definition USQL needs. Kept minimal and local so this lib does not
 * depend on the property-schema lib; any definition object with these fields fits.
 */
export const ZUsqlPropertyDefinition = z.object({
  key: z.string().min(1).max(100),
  scope: z.enum(['event', 'session', 'both']),
  dataType: z.enum(['string', 'long', 'double', 'boolean', 'date']),
});

export type TUsqlPropertyDefinition = z.infer<typeof ZUsqlPropertyDefinition>;
