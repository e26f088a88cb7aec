import pg from 'pg';
import { createTestDatabase, type TTestDatabase } from '@trailmark/testing';
import { createEventWriter, type TCommitPath, type TCommittedSession, type TEventWriter, type TWriteResult } from '../src/group-commit-writer';
import type { TEventRow, TSessionMeta } from '../src/prepare-beacon';

let database: TTestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  // One connection: the fallback after a failed COPY must find it rolled back and usable.
  pool = new pg.Pool({ connectionString: database.url, max: 1 });
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

const APP = 'app-commit-paths';

function sessionMeta(sessionId: string): TSessionMeta {
  return { applicationId: APP, sessionId, instanceId: 'inst\t1', userTag: 'user\\one', ua: 'UA\nwith newline', ip: '10.0.0.0', screen: '1920x1080', windowSize: null, country: 'DE', sessionTimeoutMs: 60_000, maxSessionDurationMs: 86_400_000, hasSessionEnd: false };
}

// Every character COPY's text format escapes, JSON escapes, a `long` past 2^53 and a year past 9999.
function rowsOf(sessionId: string): TEventRow[] {
  const base = { applicationId: APP, sessionId, instanceId: 'inst\t1', seq: 3, userTag: 'user\\one', sessionProperties: '{}', drops: [] };
  return [
    { ...base, eventId: 'e-1', type: 'navigation', ts: 1_764_000_000_123, url: 'https://x.example/a\tb\\c\nd\re', data: JSON.stringify({ title: 'Tab\there "quoted" \\ back', lcp: 812.5 }), properties: '{"big":9223372036854775807,"s":"ü😀\\u2028"}' },
    { ...base, eventId: 'e-2', type: 'user_action', ts: 1_764_000_000_456, url: null, data: '{"name":"click on \\"Pay\\""}', properties: '{}', sessionProperties: '{"tier":"gold"}' },
    { ...base, eventId: 'e-3', type: 'request', ts: 253_402_300_800_000, url: 'https://x.example/', data: '{}', properties: '{}' },
  ];
}

async function storedEvents(sessionId: string): Promise<unknown[]> {
  const result = await pool.query(
    `SELECT event_id, instance_id, seq, type, ts, url, user_tag, data::text, properties::text, session_properties::text
     FROM event WHERE application_id = $1 AND session_id = $2 ORDER BY event_id`,
    [APP, sessionId],
  );
  return result.rows;
}

async function storedLiveSession(sessionId: string): Promise<unknown> {
  const result = await pool.query(
    'SELECT instance_id, user_tag, first_ts, last_ts, event_count, ua, ip, screen, window_size, country FROM live_session WHERE application_id = $1 AND session_id = $2',
    [APP, sessionId],
  );
  return result.rows[0];
}

describe('the two commit paths', () => {
  it('store the same rows: COPY for a fresh batch, the skipping INSERT when the batch holds a stored event', async () => {
    const paths: Array<TCommitPath | undefined> = [];
    const writer = createEventWriter({ db: pool, windowMs: 1, onBatch: ({ path }) => paths.push(path) });

    const viaCopy = await writer.write(rowsOf('s-copy'), sessionMeta('s-copy'));
    expect(viaCopy).toMatchObject({ duplicates: 0 });
    expect(viaCopy.accepted).toHaveLength(3);

    // One batch: a retry of s-copy's first event and all of s-insert. COPY fails on the stored event.
    const [retry, viaInsert] = await Promise.all([
      writer.write(rowsOf('s-copy').slice(0, 1), sessionMeta('s-copy')),
      writer.write(rowsOf('s-insert'), sessionMeta('s-insert')),
    ]);
    expect(retry).toMatchObject({ accepted: [], duplicates: 1 });
    expect(viaInsert.accepted).toHaveLength(3);
    await writer.flush();
    expect(paths).toEqual(['copy', 'insert']);

    const copied = await storedEvents('s-copy');
    expect(copied).toHaveLength(3);
    expect(await storedEvents('s-insert')).toEqual(copied);
    expect(copied[0]).toMatchObject({ url: 'https://x.example/a\tb\\c\nd\re', user_tag: 'user\\one', instance_id: 'inst\t1' });
    expect((copied[0] as { properties: string }).properties).toContain('9223372036854775807');
    expect((copied[2] as { ts: Date }).ts.toISOString()).toBe('+010000-01-01T00:00:00.000Z');

    expect(await storedLiveSession('s-copy')).toMatchObject({ event_count: 3, ua: 'UA\nwith newline', country: 'DE' });
    expect(await storedLiveSession('s-insert')).toEqual(await storedLiveSession('s-copy'));
  });

  it('isolates a beacon the store refuses: its neighbours in the batch are committed, it alone is rejected', async () => {
    // A constraint stands in for any data error Postgres raises (SQLSTATE 22/23 but not 23505).
    await pool.query("ALTER TABLE event ADD CONSTRAINT test_no_poison CHECK (event_id <> 'poison')");
    try {
      const writer = createEventWriter({ db: pool, windowMs: 5 });
      const poisoned = rowsOf('s-poison').map((row, i) => (i === 1 ? { ...row, eventId: 'poison' } : row));
      const [good, bad, alsoGood] = await Promise.allSettled([
        writer.write(rowsOf('s-good-1'), sessionMeta('s-good-1')),
        writer.write(poisoned, sessionMeta('s-poison')),
        writer.write(rowsOf('s-good-2'), sessionMeta('s-good-2')),
      ]);
      expect(good).toMatchObject({ status: 'fulfilled', value: { duplicates: 0 } });
      expect(alsoGood).toMatchObject({ status: 'fulfilled', value: { duplicates: 0 } });
      expect(bad).toMatchObject({ status: 'rejected', reason: { code: 'VALIDATION' } });
      expect(await storedEvents('s-good-1')).toHaveLength(3);
      expect(await storedEvents('s-good-2')).toHaveLength(3);
      expect(await storedEvents('s-poison')).toHaveLength(0);
      expect(await storedLiveSession('s-poison')).toBeUndefined();
    } finally {
      await pool.query('ALTER TABLE event DROP CONSTRAINT test_no_poison');
    }
  });

  it('does not hold beacons up behind a stalled commit: another starts once it runs over twice the usual time', async () => {
    const wide = new pg.Pool({ connectionString: database.url, max: 3 });
    const locker = await wide.connect();
    try {
      const writer = createEventWriter({ db: wide, windowMs: 1, maxInFlight: 2 });
      await writer.write(rowsOf('s-locked'), sessionMeta('s-locked'));
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM live_session WHERE application_id = $1 AND session_id = $2 FOR UPDATE', [APP, 's-locked']);
      const retried = rowsOf('s-locked').map((row) => ({ ...row, eventId: `${row.eventId}-again` }));
      const stalled = writer.write(retried, sessionMeta('s-locked'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const behind = writer.write(rowsOf('s-behind'), sessionMeta('s-behind'));
      const first = await Promise.race([behind.then(() => 'behind'), stalled.then(() => 'stalled'), new Promise((resolve) => setTimeout(() => resolve('neither'), 5000))]);
      expect(first).toBe('behind');
      await locker.query('ROLLBACK');
      expect((await stalled).accepted).toHaveLength(3);
      expect(await storedEvents('s-behind')).toHaveLength(3);
    } finally {
      locker.release();
      await wide.end();
    }
  });

  it('counts the window from a beacon\'s arrival: one that waited out a commit in flight goes right after it', async () => {
    const windowMs = 1000;
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    const wide = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      const writer = createEventWriter({ db: wide, windowMs, maxInFlight: 1 });
      const { stalled } = await stallACommit(writer, locker, 's-window');
      const waiting = writer.write(rowsOf('s-waiting'), sessionMeta('s-waiting'));
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      await locker.query('ROLLBACK');
      await stalled;
      const stalledDoneAt = performance.now();
      await waiting;
      // Had the window started over when the stalled commit ended, this would be a whole window.
      expect(performance.now() - stalledDoneAt).toBeLessThan(windowMs / 2);
      expect(await storedEvents('s-waiting')).toHaveLength(3);
    } finally {
      await locker.end();
      await wide.end();
    }
  });

  it('discards a connection the server terminated mid-commit, and the next commit goes through on a new one', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    const single = new pg.Pool({ connectionString: database.url, max: 1 });
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    try {
      const writer = createEventWriter({ db: single, windowMs: 1, maxInFlight: 1 });
      const { stalled: doomed } = await stallACommit(writer, locker, 's-fatal');
      const behind = writer.write(rowsOf('s-after-fatal'), sessionMeta('s-after-fatal'));
      await locker.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
      await expect(doomed).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await locker.query('ROLLBACK');
      expect((await behind).accepted).toHaveLength(3);
      expect(await storedEvents('s-after-fatal')).toHaveLength(3);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await locker.end();
      await single.end();
    }
  });

  it('tell session tracking whether the commit created the live row and how long it sat idle, on both paths', async () => {
    const committed: TCommittedSession[] = [];
    const paths: Array<TCommitPath | undefined> = [];
    const writer = createEventWriter({ db: pool, windowMs: 1, onCommitted: (sessions) => committed.push(...sessions), onBatch: ({ path }) => paths.push(path) });
    const activity = async () => (await writer.flush(), committed.splice(0)).map((s) => ({ session: s.meta.sessionId, isNew: s.isNew, idle: s.idleMs === null ? null : s.idleMs >= 0 }));
    const more = (sessionId: string, suffix: string) => rowsOf(sessionId).map((row) => ({ ...row, eventId: `${row.eventId}-${suffix}` }));

    await writer.write(rowsOf('s-act'), sessionMeta('s-act'));
    expect(await activity()).toEqual([{ session: 's-act', isNew: true, idle: null }]);
    await writer.write(more('s-act', '2'), sessionMeta('s-act'));
    expect(await activity()).toEqual([{ session: 's-act', isNew: false, idle: true }]);

    await pool.query("UPDATE live_session SET updated_at = now() - interval '10 minutes' WHERE application_id = $1 AND session_id = $2", [APP, 's-act']);
    // A stored event in the batch sends it down the skipping INSERT.
    await Promise.all([writer.write([...rowsOf('s-act').slice(0, 1), ...more('s-act', '3')], sessionMeta('s-act')), writer.write(rowsOf('s-act-2'), sessionMeta('s-act-2'))]);
    await writer.flush();
    expect(paths.at(-1)).toBe('insert');
    const [act, act2] = [...committed].sort((a, b) => a.meta.sessionId.localeCompare(b.meta.sessionId));
    expect(act).toMatchObject({ isNew: false });
    expect(act?.idleMs).toBeGreaterThanOrEqual(600_000);
    expect(act?.idleMs).toBeLessThan(660_000);
    expect(act2).toMatchObject({ isNew: true, idleMs: null });
  });

  it('does not call a session new when another collector created its live row while this commit ran', async () => {
    const committed: TCommittedSession[] = [];
    const writer = createEventWriter({ db: pool, windowMs: 1, onCommitted: (sessions) => committed.push(...sessions) });
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query("INSERT INTO live_session (application_id, session_id, instance_id, first_ts, last_ts, event_count, updated_at) VALUES ($1, 's-race', 'i', now(), now(), 1, now())", [APP]);
      const write = writer.write(rowsOf('s-race'), sessionMeta('s-race'));
      await waitUntilBlocked(other);
      await other.query('COMMIT');
      await write;
      await writer.flush();
      expect(committed).toEqual([expect.objectContaining({ isNew: false, idleMs: null })]);
      expect(await storedLiveSession('s-race')).toMatchObject({ event_count: 4 });
    } finally {
      await other.end();
    }
  });
});

/**
 * Stores a first beacon of `sessionId`, locks its live row in `locker`'s open transaction and
 * returns the next beacon's write, its commit waiting on that lock (until `locker` ends it).
 */
async function stallACommit(writer: TEventWriter, locker: pg.Client, sessionId: string): Promise<{ stalled: Promise<TWriteResult> }> {
  await writer.write(rowsOf(sessionId), sessionMeta(sessionId));
  await locker.query('BEGIN');
  await locker.query('SELECT 1 FROM live_session WHERE application_id = $1 AND session_id = $2 FOR UPDATE', [APP, sessionId]);
  const stalled = writer.write(rowsOf(sessionId).map((row) => ({ ...row, eventId: `${row.eventId}-again` })), sessionMeta(sessionId));
  await waitUntilBlocked(locker);
  // Wrapped: an async function returning the promise itself would wait for it.
  return { stalled };
}

/** Until a backend other than `client`'s waits on a lock (the writer's upsert behind the uncommitted row). */
async function waitUntilBlocked(client: pg.Client): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the writer never waited on the uncommitted live row');
}
