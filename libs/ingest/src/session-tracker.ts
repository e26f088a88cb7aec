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
  track(sessions: readonly TCommittedSession[]): Promise<void>;
  /** Sends the pushed-back schedules still owed (on shutdown). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface TSessionTrackerOptions {
  now?: () => number;
  onError?: (error: unknown) => void;
  /**
   * An active session's inactivity close is pushed back at most once per this many ms (default
   * 5 s, at most a tenth of the app's timeout): the first commit schedules it at once, later ones
   * only mark it, and a tick re-schedules it from the last activity seen.
   */
  rescheduleEveryMs?: number;
  /** Sessions remembered at most; past it, every commit schedules directly as before. */
  maxTracked?: number;
}

interface TRecentSchedule {
  applicationId: string;
  sessionId: string;
  scheduledAt: number;
  /** Commit time of the latest activity not yet reflected in the scheduled job's delay. */
  lastActivityAt: number;
  timeoutMs: number;
  isOwed: boolean;
}

/**
 * Schedules session-close jobs after each commit, all of a batch at once: with an
 * auto-pipelining Redis connection they leave in one round trip. Immediate closes (`api`,
 * `user_change`, `duration_limit`) always go out; the inactivity close of a busy session is
 * pushed back at most once per `rescheduleEveryMs` (with the delay counted from its last
 * activity), so a session beaconing every second costs one enqueue per few seconds, not one
 * per commit. A process dying before a push-back leaves the earlier job: it finds the session
 * active, leaves it open, and the worker's sweep closes it.
 */
export function createSessionTracker(producer: TJobProducer, options: TSessionTrackerOptions = {}): TSessionTracker {
  const now = options.now ?? Date.now;
  const everyMs = options.rescheduleEveryMs ?? 5000;
  const maxTracked = options.maxTracked ?? 100_000;
  const recent = new Map<string, TRecentSchedule>();

  const enqueue = (applicationId: string, sessionId: string, reason: TEndReason, delayMs: number) =>
    producer.enqueue('session-close', { applicationId, sessionId, reason }, { dedupId: sessionCloseJobId(applicationId, sessionId), delayMs });

  async function settle(jobs: Array<Promise<void>>): Promise<void> {
    const results = await Promise.allSettled(jobs);
    for (const result of results) if (result.status === 'rejected') options.onError?.(result.reason);
  }

  // The owed push-backs of sessions whose window passed (all of them when `all`); quiet ones are forgotten.
  function pushBack(all: boolean): Promise<void> {
    const at = now();
    const jobs: Array<Promise<void>> = [];
    for (const [key, entry] of recent) {
      if (!all && at - entry.scheduledAt < windowOf(entry.timeoutMs)) continue;
      if (!entry.isOwed) {
        recent.delete(key);
        continue;
      }
      entry.isOwed = false;
      entry.scheduledAt = at;
      jobs.push(enqueue(entry.applicationId, entry.sessionId, 'timeout', Math.max(0, entry.timeoutMs - (at - entry.lastActivityAt))));
    }
    return settle(jobs);
  }

  const windowOf = (timeoutMs: number) => Math.min(everyMs, Math.floor(timeoutMs / 10));
  const timer = setInterval(() => void pushBack(false), Math.max(50, Math.min(1000, everyMs / 5)));
  timer.unref();

  return {
    async track(sessions) {
      const at = now();
      const jobs: Array<Promise<void>> = [];
      for (const session of sessions) {
        const { reason, delayMs } = decideClose(session);
        const { applicationId, sessionId } = session.meta;
        const key = `${applicationId}\u0001${sessionId}`;
        if (reason !== 'timeout') {
          recent.delete(key);
          jobs.push(enqueue(applicationId, sessionId, reason, delayMs));
          continue;
        }
        const entry = recent.get(key);
        if (entry && at - entry.scheduledAt < windowOf(delayMs)) {
          entry.isOwed = true;
          entry.lastActivityAt = at;
          entry.timeoutMs = delayMs;
          continue;
        }
        if (windowOf(delayMs) >= 100 && (entry || recent.size < maxTracked)) {
          recent.set(key, { applicationId, sessionId, scheduledAt: at, lastActivityAt: at, timeoutMs: delayMs, isOwed: false });
        }
        jobs.push(enqueue(applicationId, sessionId, reason, delayMs));
      }
      await settle(jobs);
    },
    flush: () => pushBack(true),
    async close() {
      clearInterval(timer);
      await pushBack(true);
    },
  };
}
