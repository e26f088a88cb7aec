import type { TStoredEvent } from './stored-event';

export const SESSION_CLOCK_RULES = {
  /** 2000-01-01T00:00:00Z: anything earlier is a broken client clock. */
  earliestPlausibleTs: Date.UTC(2000, 0, 1),
  /** How far past `now` an event may lie (client clock correction is imperfect). */
  futureSlackMs: 5 * 60_000,
  /** How far beyond the app's max session duration the events may spread. */
  durationSlackMs: 5 * 60_000,
  defaultMaxSessionDurationMs: 6 * 60 * 60_000,
} as const;

export interface TValidityInput {
  ordered: readonly TStoredEvent[];
  now: number;
  maxSessionDurationMs: number;
}

/**
 * A session is invalid when (a) it has neither a user_action nor a navigation event (a bot-like
 * ping), or (b) its clock is implausible: the first event is before 2000-01-01, the last event is
 * more than 5 minutes after `now`, or the events span more than maxSessionDurationMs + 5 minutes.
 */
export function isInvalidSession({ ordered, now, maxSessionDurationMs }: TValidityInput): boolean {
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  if (first === undefined || last === undefined) return true;
  const hasActivity = ordered.some((event) => event.type === 'user_action' || event.type === 'navigation');
  if (!hasActivity) return true;
  if (first.ts < SESSION_CLOCK_RULES.earliestPlausibleTs) return true;
  if (last.ts > now + SESSION_CLOCK_RULES.futureSlackMs) return true;
  return last.ts - first.ts > maxSessionDurationMs + SESSION_CLOCK_RULES.durationSlackMs;
}
