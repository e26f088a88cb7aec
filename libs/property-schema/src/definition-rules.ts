import type { TFieldIssue } from '@trailmark/errors';
import { fieldIssue } from './field-issues';
import type { TPropertyDefinition } from './property-definition';
import type { TPropertyLimits } from './property-limits';
import { isEventScoped, isSessionScoped, type TPropertyScope } from './property-scope';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The fields these rules read, so callers can pass stored rows or lighter projections. */
export type TExistingDefinition = Pick<TPropertyDefinition, 'key' | 'scope' | 'caseInsensitive' | 'retiredAt'>;
export type TCandidateDefinition = Pick<TPropertyDefinition, 'key' | 'scope' | 'caseInsensitive'>;

function isActive(definition: TExistingDefinition): boolean {
  return definition.retiredAt === null;
}

function clashes(candidate: TCandidateDefinition, other: TExistingDefinition): boolean {
  if (candidate.key === other.key) return true;
  const ignoringCase = candidate.caseInsensitive || other.caseInsensitive;
  return ignoringCase && candidate.key.toLowerCase() === other.key.toLowerCase();
}

function freeFrom(retiredAt: Date, retentionDays: number): Date {
  return new Date(retiredAt.getTime() + retentionDays * DAY_MS);
}

const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

function activeClashIssue(candidate: TCandidateDefinition, other: TExistingDefinition): TFieldIssue {
  if (candidate.key === other.key) return fieldIssue('key', 'key_taken', `key \`${candidate.key}\` is already defined in this application`);
  return fieldIssue('key', 'key_taken_ignoring_case', `key \`${candidate.key}\` clashes with \`${other.key}\`: they are equal ignoring case and one of them matches case-insensitively`);
}

function retiredClashIssue(candidate: TCandidateDefinition, other: TExistingDefinition, free: Date): TFieldIssue {
  const retired = dayOf(other.retiredAt as Date);
  return fieldIssue('key', 'key_retired', `key \`${other.key}\` was retired on ${retired} and its data is still retained; the key becomes free on ${dayOf(free)} (UTC)${candidate.key === other.key ? '' : ' (keys equal ignoring case)'}`);
}

function keyIssues(candidate: TCandidateDefinition, existing: readonly TExistingDefinition[], now: Date, retentionDays: number): TFieldIssue[] {
  const active = existing.find((other) => isActive(other) && clashes(candidate, other));
  if (active) return [activeClashIssue(candidate, active)];
  for (const other of existing) {
    if (other.retiredAt === null || !clashes(candidate, other)) continue;
    const free = freeFrom(other.retiredAt, retentionDays);
    if (free.getTime() > now.getTime()) return [retiredClashIssue(candidate, other, free)];
  }
  return [];
}

function limitIssues(candidate: TCandidateDefinition, existing: readonly TExistingDefinition[], limits: TPropertyLimits): TFieldIssue[] {
  const active = existing.filter(isActive);
  const issues: TFieldIssue[] = [];
  if (active.length >= limits.maxProperties) {
    issues.push(fieldIssue('key', 'max_properties', `this application already has ${active.length} property definitions and the limit is ${limits.maxProperties}; retire one or ask an admin to raise the limit`));
  }
  const eventUsed = active.filter((definition) => isEventScoped(definition.scope)).length;
  if (isEventScoped(candidate.scope) && eventUsed >= limits.maxEventProperties) {
    issues.push(fieldIssue('scope', 'max_event_properties', `this application already has ${eventUsed} event-scoped properties (event or both) and the limit is ${limits.maxEventProperties}; choose scope session or retire an event property`));
  }
  return issues;
}

/**
 * Rules against the application's other definitions (SPEC §4.1 key, §4.4 limits).
 * For an update, pass the merged definition and `existing` without the definition itself.
 */
export function checkDefinitionAgainstExisting(
  candidate: TCandidateDefinition,
  existing: readonly TExistingDefinition[],
  limits: TPropertyLimits,
  now: Date,
  retentionDays: number,
): TFieldIssue[] {
  return [...keyIssues(candidate, existing, now, retentionDays), ...limitIssues(candidate, existing, limits)];
}

export interface TQuotaBar {
  used: number;
  limit: number;
  freeTier: number;
}
export type TQuotaUsage = Record<'total' | Exclude<TPropertyScope, 'both'>, TQuotaBar>;

/** Usage per scope for the console's quota bars; a `both` property counts towards event and session. */
export function computeQuotaUsage(definitions: readonly Pick<TExistingDefinition, 'scope' | 'retiredAt'>[], limits: TPropertyLimits): TQuotaUsage {
  const active = definitions.filter((definition) => definition.retiredAt === null);
  const bar = (used: number, limit: number): TQuotaBar => ({ used, limit, freeTier: Math.min(limits.freeTierProperties, limit) });
  return {
    total: bar(active.length, limits.maxProperties),
    event: bar(active.filter((definition) => isEventScoped(definition.scope)).length, limits.maxEventProperties),
    session: bar(active.filter((definition) => isSessionScoped(definition.scope)).length, limits.maxProperties),
  };
}
