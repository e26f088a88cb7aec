import { z } from 'zod';
import { PROPERTY_PACKS, ZPropertyDefinition, ZPropertyScope } from '@trailmark/property-schema';

const ZQuotaBar = z.object({ used: z.number(), limit: z.number(), freeTier: z.number() });

export const ZListPropertiesRequest = z.object({ applicationId: z.string().min(1), includeRetired: z.boolean().default(false) });
export const ZListPropertiesResponse = z.object({
  definitions: z.array(ZPropertyDefinition),
  quota: z.object({ total: ZQuotaBar, event: ZQuotaBar, session: ZQuotaBar }),
  limits: z.object({ maxProperties: z.number(), maxEventProperties: z.number(), freeTierProperties: z.number() }),
});

// The definition itself is validated by the domain (one schema, field-level issues); here it is opaque.
export const ZDefinePropertyRequest = z.object({ applicationId: z.string().min(1), definition: z.record(z.string(), z.unknown()) });
export const ZDefinePropertyResponse = ZPropertyDefinition;

export const ZUpdatePropertyRequest = z.object({ applicationId: z.string().min(1), propertyId: z.string().min(1), patch: z.record(z.string(), z.unknown()) });
export const ZRetirePropertyRequest = z.object({ applicationId: z.string().min(1), propertyId: z.string().min(1) });

export const ZAddPackRequest = z.object({
  applicationId: z.string().min(1),
  packId: z.string().min(1),
  keys: z.array(z.string()).optional(),
  scope: ZPropertyScope.optional(),
});
export const ZAddPackResponse = z.array(ZPropertyDefinition);

export const ZListPacksResponse = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    definitions: z.array(z.object({ key: z.string(), dataType: z.string(), source: z.string(), suggestedScope: ZPropertyScope, displayName: z.string().nullish() })),
  }),
);

export function listPacks(): z.infer<typeof ZListPacksResponse> {
  return PROPERTY_PACKS.map((pack) => ({
    id: pack.id,
    name: pack.name,
    description: pack.description,
    definitions: pack.definitions.map((entry) => ({ key: entry.key, dataType: entry.dataType, source: entry.source ?? 'api', suggestedScope: entry.suggestedScope, displayName: entry.displayName ?? null })),
  }));
}
