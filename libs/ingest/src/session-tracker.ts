import { sessionCloseJobId, type TEndReason, type TJobProducer } from '@trailmark/jobs';
import type { TCommittedSession } from './group-commit-writer';

export interface TCloseDecision {
  reason: TEndReason;
  delayMs: number;
}

/**
 * What a commit means for the session's close job. `api`, `user_change` and `duration_limit`
 * close now; anything else pushes the inactivity close back. A user-tag change is seen by the
 * commit statement itself: live_session's tag before the upsert differs from the beacon's.
 */
export function decideClose(session: TCommittedSession, now: number): TCloseDecision {
  const { meta } = session;
  if (meta.hasSessionEnd) return { reason: 'api', delayMs: 0 };
  if (session.previousUserTag !== null && meta.userTag !== null && session.previousUserTag !== meta.userTag) return { reason: 'user_change', delayMs: 0 };
  const age = Math.max(session.lastTs, now) - session.firstTs;
  if (age >= meta.maxSessionDurationMs) return { reason: 'duration_limit', delayMs: 0 };
  return { reason: 'timeout', delayMs: meta.sessionTimeoutMs };
}

export interface TSessionTracker {
  track(sessions: readonly TCommittedSession[]): Promise<void>;
}

/**
 * Schedules session-close jobs after each commit, all of a batch at once: with an
 * auto-pipelining Redis connection they leave in one round trip.
 */
export function createSessionTracker(producer: TJobProducer, options: { now?: () => number; onError?: (error: unknown) => void } = {}): TSessionTracker {
  const now = options.now ?? Date.now;
  return {
    async track(sessions) {
      const at = now();
      const results = await Promise.allSettled(
        sessions.map((session) => {
          const { reason, delayMs } = decideClose(session, at);
          const { applicationId, sessionId } = session.meta;
          return producer.enqueue('session-close', { applicationId, sessionId, reason }, { dedupId: sessionCloseJobId(applicationId, sessionId), delayMs });
        }),
      );
      for (const result of results) if (result.status === 'rejected') options.onError?.(result.reason);
    },
  };
}
