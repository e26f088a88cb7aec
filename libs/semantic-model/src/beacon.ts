import { z } from 'zod';
import { ZBeaconEvent } from './beacon-events';
import { BEACON_LIMITS as L } from './limits';

const ZIdentifier = z.string().min(1).max(L.maxIdentifierLength);
const ZDimensions = z.string().regex(/^\d{1,5}x\d{1,5}$/, { message: 'expected "WIDTHxHEIGHT"' });

export const ZBeaconPage = z.object({
  url: z.string().max(L.maxUrlLength),
  title: z.string().max(L.maxTextLength).optional(),
  referrer: z.string().max(L.maxUrlLength).optional(),
});

export const ZBeaconDevice = z.object({
  screen: ZDimensions.optional(),
  window: ZDimensions.optional(),
});

/**
 * Beacon envelope v1 (SPEC §7). Unknown fields are stripped, not rejected, so newer SDKs keep
 * working against older collectors; only the protocol version must match exactly.
 */
export const ZBeacon = z.object({
  v: z.literal(1),
  app: ZIdentifier,
  session: ZIdentifier,
  instance: ZIdentifier,
  seq: z.int().nonnegative(),
  sent_at: z.number().nonnegative(),
  user_tag: z.string().max(L.maxTextLength).optional(),
  dnt: z.boolean().optional(),
  page: ZBeaconPage.optional(),
  device: ZBeaconDevice.optional(),
  events: z.array(ZBeaconEvent).max(L.maxEvents),
});

export type TBeacon = z.infer<typeof ZBeacon>;
export type TBeaconPage = z.infer<typeof ZBeaconPage>;
export type TBeaconDevice = z.infer<typeof ZBeaconDevice>;
