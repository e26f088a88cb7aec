import { z } from 'zod';

export const PROPERTY_SCOPES = ['event', 'session', 'both'] as const;

export const ZPropertyScope = z.enum(PROPERTY_SCOPES);
export type TPropertyScope = z.infer<typeof ZPropertyScope>;

export const PROPERTY_KEY_PREFIXES = {
  event: 'event_properties.',
  session: 'session_properties.',
} as const;

/** The prefix a key is shown with; `both` is shown with either, so the longer one binds. */
export function propertyKeyPrefixOf(scope: TPropertyScope): string {
  return scope === 'event' ? PROPERTY_KEY_PREFIXES.event : PROPERTY_KEY_PREFIXES.session;
}

export function isEventScoped(scope: TPropertyScope): boolean {
  return scope !== 'session';
}

export function isSessionScoped(scope: TPropertyScope): boolean {
  return scope !== 'event';
}
