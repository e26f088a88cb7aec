import type { TCommittedSession } from './group-commit-writer';
import type { TSessionMeta } from './prepare-beacon';
import type { TEnqueueOptions, TJobProducer } from '@trailmark/jobs';
import { createSessionTracker, decideClose } from './session-tracker';

const meta: TSessionMeta = {
  applicationId: 'a', sessionId: 's', instanceId: 'i', userTag: 'ana', ua: null, ip: null, screen: null, windowSize: null, country: null,
  sessionTimeoutMs: 1_800_000, maxSessionDurationMs: 21_600_000, hasSessionEnd: false,
};
const session = (patch: Partial<TCommittedSession> = {}, metaPatch: Partial<TSessionMeta> = {}): TCommittedSession => ({
  meta: { ...meta, ...metaPatch }, firstTs: 1_000, lastTs: 2_000, userTag: 'ana', previousUserTag: 'ana', isNew: false, idleMs: 100, ...patch,
});

describe('decideClose', () => {
  it('schedules the inactivity close after the timeout', () => {
    expect(decideClose(session())).toEqual({ reason: 'timeout', delayMs: 1_800_000 });
  });

  it('closes now on session_end, a user-tag change or the max duration (by event time, so replayed sessions keep their span)', () => {
    expect(decideClose(session({}, { hasSessionEnd: true }))).toEqual({ reason: 'api', delayMs: 0 });
    expect(decideClose(session({ previousUserTag: 'bob' }))).toEqual({ reason: 'user_change', delayMs: 0 });
    expect(decideClose(session({ lastTs: 1_000 + 21_600_000 }))).toEqual({ reason: 'duration_limit', delayMs: 0 });
  });

  it('does not call a first identification a user change', () => {
    expect(decideClose(session({ previousUserTag: null })).reason).toBe('timeout');
  });
});

interface TSent {
  sessionId: string;
  reason: string;
  delayMs: number | undefined;
  dedupId: string | undefined;
}

/** Records what would go to the queue; the queue itself is tested in libs/jobs and the worker. */
function recordingProducer(failWith?: Error): TJobProducer & { sent: TSent[] } {
  const sent: TSent[] = [];
  return {
    sent,
    enqueue(_name, payload, options: TEnqueueOptions = {}) {
      const { sessionId, reason } = payload as { sessionId: string; reason: string };
      sent.push({ sessionId, reason, delayMs: options.delayMs, dedupId: options.dedupId });
      return failWith ? Promise.reject(failWith) : Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

describe('createSessionTracker', () => {
  const timeout = meta.sessionTimeoutMs;

  it('schedules the inactivity close once, with the commit that created the live row: its job re-checks the last activity when it fires', async () => {
    const producer = recordingProducer();
    const tracker = createSessionTracker(producer);
    await tracker.track([session({ isNew: true, idleMs: null })]);
    for (let i = 0; i < 100; i++) await tracker.track([session({ idleMs: 5_000 })]);
    expect(producer.sent).toEqual([{ sessionId: 's', reason: 'timeout', delayMs: timeout, dedupId: expect.stringContaining('s') }]);
  });

  it('schedules again after half the timeout without activity, in case the schedule was lost or the job closed the session meanwhile', async () => {
    const producer = recordingProducer();
    const tracker = createSessionTracker(producer);
    await tracker.track([session({ idleMs: timeout / 2 - 1 })]);
    expect(producer.sent).toHaveLength(0);
    await tracker.track([session({ idleMs: timeout / 2 })]);
    expect(producer.sent.map((job) => [job.reason, job.delayMs])).toEqual([['timeout', timeout]]);
  });

  it('leaves a session another process is committing (its row not visible yet, not created here) to that commit', async () => {
    const producer = recordingProducer();
    await createSessionTracker(producer).track([session({ isNew: false, idleMs: null })]);
    expect(producer.sent).toHaveLength(0);
  });

  it('always sends immediate closes', async () => {
    const producer = recordingProducer();
    const tracker = createSessionTracker(producer);
    await tracker.track([session({}, { hasSessionEnd: true }), session({ previousUserTag: 'bob' }, { sessionId: 't' })]);
    await tracker.track([session({ isNew: true, lastTs: 1_000 + 21_600_000 }, { sessionId: 'u' })]);
    expect(producer.sent.map((job) => [job.sessionId, job.reason, job.delayMs])).toEqual([['s', 'api', 0], ['t', 'user_change', 0], ['u', 'duration_limit', 0]]);
  });

  it('reports a failed schedule and still resolves: the events are durable, the sweep closes the session', async () => {
    const failure = new Error('redis away');
    const errors: unknown[] = [];
    const tracker = createSessionTracker(recordingProducer(failure), { onError: (error) => errors.push(error) });
    await expect(tracker.track([session({ isNew: true })])).resolves.toBeUndefined();
    expect(errors).toEqual([failure]);
  });
});
