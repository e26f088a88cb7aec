import { z } from 'zod';
import { ZAllowedOrigins } from './allowed-origins';
import { addFieldIssues, fieldIssue, WHEN_FIELDS_VALID } from './field-issues';

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

export const IP_ANONYMISATIONS = ['none', 'truncate', 'drop'] as const;
export const ZIpAnonymisation = z.enum(IP_ANONYMISATIONS, { error: `ipAnonymisation must be one of ${IP_ANONYMISATIONS.join(', ')}` });
export type TIpAnonymisation = z.infer<typeof ZIpAnonymisation>;

export const DEFAULT_APPLICATION_SETTINGS = {
  sessionTimeoutMs: 30 * MINUTE_MS,
  maxSessionDurationMs: 6 * HOUR_MS,
  honourDnt: true,
  ipAnonymisation: 'truncate',
  retentionDays: 35,
  apdexThresholdMs: 3000,
} as const;

/** Whole milliseconds within bounds; the lower bounds are small so tests can close sessions quickly. */
const ZMs = (field: string, min: number, max: number) =>
  z.number().int({ error: `${field} must be whole milliseconds` }).min(min, { error: `${field} must be at least ${min} ms` }).max(max, { error: `${field} must be at most ${max} ms` });

export const ZApplicationName = z
  .string({ error: 'name is required' })
  .trim()
  .min(1, { error: 'name is required' })
  .max(100, { error: 'name may be at most 100 characters' });

export const ZApplicationSettings = z
  .object({
    sessionTimeoutMs: ZMs('sessionTimeoutMs', SECOND_MS, 24 * HOUR_MS).default(DEFAULT_APPLICATION_SETTINGS.sessionTimeoutMs),
    maxSessionDurationMs: ZMs('maxSessionDurationMs', SECOND_MS, 7 * 24 * HOUR_MS).default(DEFAULT_APPLICATION_SETTINGS.maxSessionDurationMs),
    honourDnt: z.boolean().default(DEFAULT_APPLICATION_SETTINGS.honourDnt),
    ipAnonymisation: ZIpAnonymisation.default(DEFAULT_APPLICATION_SETTINGS.ipAnonymisation),
    retentionDays: z.number().int().min(1).max(3650).default(DEFAULT_APPLICATION_SETTINGS.retentionDays),
    apdexThresholdMs: ZMs('apdexThresholdMs', 1, 10 * MINUTE_MS).default(DEFAULT_APPLICATION_SETTINGS.apdexThresholdMs),
  })
  .superRefine((settings, ctx) => {
    if (settings.maxSessionDurationMs > settings.sessionTimeoutMs) return;
    const message = `maxSessionDurationMs (${settings.maxSessionDurationMs}) must be longer than sessionTimeoutMs (${settings.sessionTimeoutMs})`;
    addFieldIssues(ctx, [fieldIssue('maxSessionDurationMs', 'session_duration_not_above_timeout', message)]);
  }, WHEN_FIELDS_VALID);
export type TApplicationSettings = z.infer<typeof ZApplicationSettings>;
export type TApplicationSettingsRaw = z.input<typeof ZApplicationSettings>;

export const ZApplicationCreate = z.strictObject({
  name: ZApplicationName,
  allowedOrigins: ZAllowedOrigins.default([]),
  settings: ZApplicationSettings.prefault({}),
});
export type TApplicationCreate = z.infer<typeof ZApplicationCreate>;
export type TApplicationCreateRaw = z.input<typeof ZApplicationCreate>;
