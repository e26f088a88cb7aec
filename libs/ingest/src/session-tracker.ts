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
  onError?: (error: unknown) => void;
  /** Called for each job sent, before it is acknowledged. */
  onScheduled?: (reason: TEndReason) => void;
}

/**
 * Whether a commit must (re)schedule the session's inactivity close. The close job re-checks the
 * session's last activity when it fires and, if the session was active since, moves itself to
 * `last activity + timeout`; so the job is scheduled once, by the commit that created the live
 * row, whichever collector or worker process that was. A session quiet for half its timeout is
 * scheduled again, in case its job closed it meanwhile or its schedule was lost (Redis away, a
 * commit whose answer timed out). A lost schedule of a session that stays busy is left to the
 * worker's sweep, which closes every expired live session (WORKER_SWEEP_INTERVAL_MS, 30 s).
 */
function needsInactivitySchedule(session: TCommittedSession, timeoutMs: number): boolean {
  return session.isNew || (session.idleMs !== null && session.idleMs >= timeoutMs / 2);
}

/**
 * Schedules session-close jobs after each commit, all of a batch at once: with an
 * auto-pipelining Redis connection they leave in one round trip. Immediate closes (`api`,
 * `user_change`, `duration_limit`) always go out; inactivity closes as `needsInactivitySchedule`
 * decides from the live row's state the commit returned, so a busy session costs one enqueue
 * however many processes receive its beacons. Scheduling again is always harmless: the job is
 * deduplicated per session and replaced.
 */
export function createSessionTracker(producer: TJobProducer, options: TSessionTrackerOptions = {}): TSessionTracker {
  const enqueue = (applicationId: string, sessionId: string, reason: TEndReason, delayMs: number) =>
    producer.enqueue('session-close', { applicationId, sessionId, reason }, { dedupId: sessionCloseJobId(applicationId, sessionId), delayMs });

  async function settle(jobs: Array<Promise<void>>): Promise<void> {
    const results = await Promise.allSettled(jobs);
    for (const result of results) if (result.status === 'rejected') options.onError?.(result.reason);
  }

  return {
    track(sessions) {
      const jobs: Array<Promise<void>> = [];
      for (const session of sessions) {
        const { reason, delayMs } = decideClose(session);
        if (reason === 'timeout' && !needsInactivitySchedule(session, delayMs)) continue;
        options.onScheduled?.(reason);
        jobs.push(enqueue(session.meta.applicationId, session.meta.sessionId, reason, delayMs));
      }
      return settle(jobs);
    },
  };
}
