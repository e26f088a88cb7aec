import { sessionCloseJobId, type TEndReason, type TJobProducer } from '@trailmark/jobs';
import type { TCommittedSession } from './group-commit-writer';

export interface TCloseDecision {
  reason: TEndReason;
  delayMs: number;
}

/**
 * What a commit means for the session's close job. `api`, `user_change` and `duration_limit`
 * close now; anything else is an inactivity close after the timeout. A user-tag change is seen by the
 * commit statement itself: live_session's tag before the upsert differs from the beacon's.
 */
export function decideClose(session: TCommittedSession): TCloseDecision {
  const { meta } = session;
  if (meta.hasSessionEnd) return { reason: 'api', delayMs: 0 };
  if (session.previousUserTag !== null && meta.userTag !== null && session.previousUserTag !== meta.userTag) return { reason: 'user_change', delayMs: 0 };
  // By event time, not arrival: backfilled or replayed sessions keep their real span.
  const age = session.lastTs - session.firstTs;
  if (age >= meta.maxSessionDurationMs) return { reason: 'duration_limit', delayMs: 0 };
  return { reason: 'timeout', delayMs: meta.sessionTimeoutMs };
}

export interface TSessionTracker {
  /** Resolves when the batch's schedules were sent (failures go to `onError`, never reject). */
  track(sessions: readonly TCommittedSession[]): Promise<void>;
}

export interface TSessionTrackerOptions {
  now?: () => number;
  onError?: (error: unknown) => void;
  /** Sessions remembered at most (least recently active forgotten first); a forgotten one is scheduled again. */
  maxTracked?: number;
}

/**
 * Schedules session-close jobs after each commit, all of a batch at once: with an
 * auto-pipelining Redis connection they leave in one round trip. Immediate closes (`api`,
 * `user_change`, `duration_limit`) always go out. The inactivity close is scheduled once, when
 * the process first sees the session: the worker's job re-checks the session's last activity
 * when it fires and, if the session was active since, moves itself to `last activity + timeout`.
 * So a busy session costs one enqueue, not one per beacon or per few seconds. A session quiet for
 * half its timeout is scheduled again on its next commit, in case its job closed it meanwhile.
 * Scheduling again is always harmless: the job is deduplicated per session and replaced.
 */
export function createSessionTracker(producer: TJobProducer, options: TSessionTrackerOptions = {}): TSessionTracker {
  const now = options.now ?? Date.now;
  const maxTracked = options.maxTracked ?? 100_000;
  /** Session key → when this process last committed activity for it; Map order is least recent first. */
  const scheduled = new Map<string, number>();

  const enqueue = (applicationId: string, sessionId: string, reason: TEndReason, delayMs: number) =>
    producer.enqueue('session-close', { applicationId, sessionId, reason }, { dedupId: sessionCloseJobId(applicationId, sessionId), delayMs });

  async function settle(jobs: Array<Promise<void>>): Promise<void> {
    const results = await Promise.allSettled(jobs);
    for (const result of results) if (result.status === 'rejected') options.onError?.(result.reason);
  }

  function remember(key: string, at: number): void {
    scheduled.delete(key);
    scheduled.set(key, at);
    if (scheduled.size > maxTracked) scheduled.delete(scheduled.keys().next().value as string);
  }

  return {
    track(sessions) {
      const at = now();
      const jobs: Array<Promise<void>> = [];
      for (const session of sessions) {
        const { reason, delayMs } = decideClose(session);
        const { applicationId, sessionId } = session.meta;
        const key = `${applicationId}\u0001${sessionId}`;
        if (reason !== 'timeout') {
          scheduled.delete(key);
          jobs.push(enqueue(applicationId, sessionId, reason, delayMs));
          continue;
        }
        const lastActive = scheduled.get(key);
        remember(key, at);
        if (lastActive !== undefined && at - lastActive < delayMs / 2) continue;
        jobs.push(enqueue(applicationId, sessionId, reason, delayMs));
      }
      return settle(jobs);
    },
  };
}
