import { z } from 'zod';

export const DATA_TYPES = ['string', 'long', 'double', 'boolean', 'date'] as const;

/** `number` is the name the source product's newer UI uses; we store it as `double`. */
export const ZDataType = z
  .enum([...DATA_TYPES, 'number'], { error: `dataType must be one of ${DATA_TYPES.join(', ')} (or number, meaning double)` })
  .transform((type) => (type === 'number' ? 'double' : type));
export type TDataType = z.infer<typeof ZDataType>;

export function isNumericType(type: TDataType): boolean {
  return type === 'long' || type === 'double';
}
