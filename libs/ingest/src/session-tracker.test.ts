import type { TCommittedSession } from './group-commit-writer';
import type { TSessionMeta } from './prepare-beacon';
import { decideClose } from './session-tracker';

const meta: TSessionMeta = {
  applicationId: 'a', sessionId: 's', instanceId: 'i', userTag: 'ana', ua: null, ip: null, screen: null, windowSize: null, country: null,
  sessionTimeoutMs: 1_800_000, maxSessionDurationMs: 21_600_000, hasSessionEnd: false,
};
const session = (patch: Partial<TCommittedSession> = {}, metaPatch: Partial<TSessionMeta> = {}): TCommittedSession => ({
  meta: { ...meta, ...metaPatch }, firstTs: 1_000, lastTs: 2_000, userTag: 'ana', previousUserTag: 'ana', ...patch,
});

describe('decideClose', () => {
  it('pushes the inactivity close back by the timeout', () => {
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
