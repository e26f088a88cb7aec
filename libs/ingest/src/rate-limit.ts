import type { Redis } from 'ioredis';
import { TrailmarkError } from '@trailmark/errors';

export interface TRateLimitOptions {
  redis: Redis;
  keyPrefix: string;
  /** Beacons per application per window. */
  points: number;
  durationSeconds?: number;
  /** How often the local counts are added to the shared Redis counter (default 100 ms). */
  syncIntervalMs?: number;
  /** Collector processes sharing this host's budget (cluster workers): each may spend its share between syncs. */
  processes?: number;
  now?: () => number;
}

export interface TApplicationRateLimiter {
  consume(applicationId: string): Promise<void>;
  /** Sends the counts not yet synced and stops the timer. */
  close(): Promise<void>;
}

interface TWindowState {
  /** Epoch ms the window ends: it starts with its first beacon (here, or at another collector, as Redis tells). */
  windowEnd: number;
  /** Consumed here and not yet added to Redis. */
  unsynced: number;
  /** Taken out of `unsynced` by the sync in flight. */
  sending: number;
  /** The window's total across all collectors as Redis last answered (ours included). */
  known: number;
  syncing?: Promise<void>;
}

const RESOLVED = Promise.resolve();

// Adds to the window's count; the window starts with the key (its first beacon anywhere) and lasts ARGV[2] ms.
const SYNC_SCRIPT = `
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {total, ttl}`;

/**
 * Per-application beacon budget shared by every collector through Redis, without a round trip
 * per beacon: each process counts locally in fixed windows and adds its counts to the window's
 * Redis counter every `syncIntervalMs`, learning the others' total in the same answer. Windows are
 * fixed and start with their first beacon, as rate-limiter-flexible's. Between
 * syncs a process spends at most its share (`1/processes`) of what is left; when that is used
 * up it syncs at once before deciding. If Redis is away the local count alone limits (the old
 * insurance limiter's behaviour): ingest keeps working, roughly limited.
 */
export function createApplicationRateLimiter(options: TRateLimitOptions): TApplicationRateLimiter {
  const durationMs = (options.durationSeconds ?? 1) * 1000;
  const processes = Math.max(1, options.processes ?? 1);
  const now = options.now ?? Date.now;
  const { redis, points } = options;
  const states = new Map<string, TWindowState>();

  const keyOf = (applicationId: string) => `${options.keyPrefix}:${applicationId}`;
  const isRedisReady = () => redis.status === 'ready';

  function stateOf(applicationId: string, at: number): TWindowState {
    let state = states.get(applicationId);
    if (!state || at >= state.windowEnd) {
      state = { windowEnd: at + durationMs, unsynced: 0, sending: 0, known: 0 };
      states.set(applicationId, state);
    }
    return state;
  }

  function sync(applicationId: string, state: TWindowState): Promise<void> {
    if (state.syncing) return state.syncing;
    if (!isRedisReady()) return RESOLVED;
    const n = state.unsynced;
    state.unsynced = 0;
    state.sending = n;
    const sentAt = now();
    state.syncing = (redis.eval(SYNC_SCRIPT, 1, keyOf(applicationId), n, durationMs) as Promise<[number, number]>)
      .then(([total, ttl]) => {
        if (!Number.isFinite(Number(total))) throw new Error('no count from Redis');
        state.known = Math.max(state.known, Number(total));
        // Follow the shared window (another collector may have opened it earlier).
        state.windowEnd = Math.min(state.windowEnd, sentAt + Number(ttl));
      })
      .catch(() => {
        // Redis away: keep the count locally, it limits on its own until Redis answers again.
        state.unsynced += n;
      })
      .finally(() => {
        state.sending = 0;
        state.syncing = undefined;
      });
    return state.syncing;
  }

  const timer = setInterval(() => {
    const at = now();
    for (const [applicationId, state] of states) {
      if (at >= state.windowEnd + durationMs) states.delete(applicationId);
      else if (state.unsynced > 0) void sync(applicationId, state);
    }
  }, options.syncIntervalMs ?? 100);
  timer.unref();

  function rejection(applicationId: string, state: TWindowState, at: number): TrailmarkError {
    const msBeforeNext = state.windowEnd - at;
    const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    return new TrailmarkError('RATE_LIMITED', `application ${applicationId} sends more than ${points} beacons per ${durationMs / 1000} s`, {
      details: { retryAfterSeconds },
    });
  }

  async function consumeAfterSync(applicationId: string, state: TWindowState, at: number): Promise<void> {
    await sync(applicationId, state);
    if (state.known + state.sending + state.unsynced >= points) throw rejection(applicationId, state, at);
    state.unsynced += 1;
  }

  return {
    consume(applicationId) {
      const at = now();
      const state = stateOf(applicationId, at);
      const used = state.known + state.sending + state.unsynced;
      if (used >= points) return Promise.reject(rejection(applicationId, state, at));
      // This process' share of what was left at the last sync; past it, ask Redis before deciding.
      const share = Math.max(1, Math.ceil((points - state.known) / processes));
      if (processes > 1 && state.unsynced >= share && isRedisReady()) return consumeAfterSync(applicationId, state, at);
      state.unsynced += 1;
      return RESOLVED;
    },
    async close() {
      clearInterval(timer);
      await Promise.allSettled([...states].filter(([, state]) => state.unsynced > 0).map(([applicationId, state]) => sync(applicationId, state)));
    },
  };
}
