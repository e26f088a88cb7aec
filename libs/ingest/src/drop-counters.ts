import type { TPropertyDrop } from '@trailmark/validation-rules';
import type { TQueryable } from './queryable';

export interface TDropCounters {
  add(applicationId: string, drops: readonly TPropertyDrop[]): void;
  /** Writes the counts gathered so far; on failure they are kept for the next flush. */
  flush(): Promise<void>;
  start(intervalMs?: number): void;
  /** Stops the timer and flushes a last time. */
  stop(): Promise<void>;
}

interface TCount {
  applicationId: string;
  key: string;
  reason: string;
  n: number;
  firstSeen: number;
  lastSeen: number;
}

const FLUSH_SQL = `
INSERT INTO drop_counter AS d (application_id, key, reason, count, first_seen_at, last_seen_at)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::timestamptz[], $6::timestamptz[])
ON CONFLICT (application_id, key, reason) DO UPDATE SET
  count = d.count + EXCLUDED.count,
  first_seen_at = LEAST(d.first_seen_at, EXCLUDED.first_seen_at),
  last_seen_at = GREATEST(d.last_seen_at, EXCLUDED.last_seen_at)`;

/**
 * Drop counts per (application, key, reason), summed in memory and upserted once per interval,
 * so a page sending an undefined key on every event costs one row update per second. Distinct
 * entries are capped so random keys cannot grow memory without bound.
 */
export function createDropCounters(db: TQueryable, options: { maxEntries?: number; onOverflow?: (n: number) => void; now?: () => number } = {}): TDropCounters {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  let counts = new Map<string, TCount>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  const merge = (entry: TCount) => {
    const id = `${entry.applicationId}\u0001${entry.key}\u0001${entry.reason}`;
    const existing = counts.get(id);
    if (existing) {
      existing.n += entry.n;
      existing.firstSeen = Math.min(existing.firstSeen, entry.firstSeen);
      existing.lastSeen = Math.max(existing.lastSeen, entry.lastSeen);
    } else if (counts.size < maxEntries) counts.set(id, { ...entry });
    else options.onOverflow?.(entry.n);
  };

  async function writeOut(): Promise<void> {
    if (counts.size === 0) return;
    const batch = [...counts.values()];
    counts = new Map();
    const iso = (ms: number) => new Date(ms).toISOString();
    try {
      await db.query(FLUSH_SQL, [
        batch.map((c) => c.applicationId),
        batch.map((c) => c.key),
        batch.map((c) => c.reason),
        batch.map((c) => c.n),
        batch.map((c) => iso(c.firstSeen)),
        batch.map((c) => iso(c.lastSeen)),
      ]);
    } catch {
      batch.forEach(merge);
    }
  }

  const flush = () => (flushing = flushing.then(writeOut));

  return {
    add(applicationId, drops) {
      const at = now();
      for (const drop of drops) merge({ applicationId, key: drop.key, reason: drop.reason, n: 1, firstSeen: at, lastSeen: at });
    },
    flush,
    start(intervalMs = 1000) {
      timer ??= setInterval(() => void flush(), intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await flush();
    },
  };
}
