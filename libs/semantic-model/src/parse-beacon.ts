import { toFieldIssues, type TFieldIssue, type TZodLikeIssue } from '@trailmark/errors';
import { ZBeacon, type TBeacon } from './beacon';
import { isPlainValidBeacon } from './fast-beacon-check';
import { BEACON_LIMITS } from './limits';

export const MAX_REPORTED_ISSUES = 10;

export type TParseBeaconResult = { ok: true; beacon: TBeacon } | { ok: false; issues: TFieldIssue[] };

/** Parses an already JSON-decoded body; reports at most the first 10 problems with dotted paths. */
export function parseBeacon(json: unknown): TParseBeaconResult {
  if (isPlainValidBeacon(json)) return { ok: true, beacon: json };
  const tooMany = tooManyEvents(json);
  if (tooMany) return { ok: false, issues: [tooMany] };
  const result = ZBeacon.safeParse(json);
  if (result.success) return { ok: true, beacon: result.data };
  const issues = result.error.issues.slice(0, MAX_REPORTED_ISSUES).map(nameRule);
  return { ok: false, issues: toFieldIssues(issues) };
}

// Checked before parsing so an oversized batch is refused without validating every event.
function tooManyEvents(json: unknown): TFieldIssue | null {
  if (typeof json !== 'object' || json === null) return null;
  const events = (json as { events?: unknown }).events;
  if (!Array.isArray(events) || events.length <= BEACON_LIMITS.maxEvents) return null;
  return {
    path: 'events',
    rule: 'max_events',
    message: `at most ${BEACON_LIMITS.maxEvents} events per beacon, got ${events.length}`,
  };
}

function nameRule(issue: TZodLikeIssue & { note?: string }): TZodLikeIssue {
  if (issue.code === 'invalid_union' && issue.note === 'No matching discriminator') {
    return { ...issue, params: { rule: 'unknown_event_type' } };
  }
  return issue;
}
