import type { Pool } from 'pg';
import { TrailmarkError } from '@trailmark/errors';
import { storeUnavailable } from './config-cache';
import { CopyCommit } from './copy-commit';
import { COMMIT_SQL, COPY_EVENTS_SQL, LIVE_SESSION_UPSERT_SQL, commitParams, eventsCopyText, liveSessionParams, type TBatchSession, type TCommitRow } from './event-sql';
import type { TEventRow, TSessionMeta } from './prepare-beacon';

export interface TWriteResult {
  /** This submission's rows that were newly stored. */
  accepted: TEventRow[];
  duplicates: number;
}

/** One session touched by a commit, with the live_session state after it. */
export interface TCommittedSession {
  meta: TSessionMeta;
  firstTs: number;
  lastTs: number;
  userTag: string | null;
  previousUserTag: string | null;
  /** This commit created the session's live row (no collector had committed it before). */
  isNew: boolean;
  /** Time since the session's live row was last updated before this commit; null when new or unknown. */
  idleMs: number | null;
}

/** The pool the writer commits through: single statements, and a client of its own for COPY. */
export type TEventStore = Pick<Pool, 'query' | 'connect'>;

export interface TWriterOptions {
  db: TEventStore;
  /** How long the first beacon of a batch waits for others to join (counted from its arrival, so a commit in flight uses it up). */
  windowMs?: number;
  maxBatchRows?: number;
  maxInFlight?: number;
  onBatch?: (stats: { rows: number; beacons: number; ms: number; ok: boolean; path?: TCommitPath }) => void;
  /** Called after each successful commit, outside the beacons' critical path. */
  onCommitted?: (sessions: TCommittedSession[]) => void;
}

export interface TEventWriter {
  write(rows: TEventRow[], session: TSessionMeta): Promise<TWriteResult>;
  /** Commits whatever is waiting and resolves when nothing is in flight. */
  flush(): Promise<void>;
}

/** `copy`: the fast path; `insert`: the statement that skips already stored events. */
export type TCommitPath = 'copy' | 'insert';

interface TSubmission {
  rows: TEventRow[];
  session: TSessionMeta;
  resolve: (result: TWriteResult) => void;
  reject: (error: unknown) => void;
}

const keyOf = (applicationId: string, sessionId: string, eventId = '') => `${applicationId}\u0001${sessionId}\u0001${eventId}`;
const compareRows = (a: TEventRow, b: TEventRow) => cmp(a.applicationId, b.applicationId) || cmp(a.sessionId, b.sessionId) || cmp(a.eventId, b.eventId);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Postgres error classes that mean "this data", not "the store": 22 data exception, 23 integrity (but not our dedup).
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('22') || (code.startsWith('23') && code !== '23505'));
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '40P01' || code === '40001';
}

/**
 * Group commit: concurrent beacons join one short window and are written by one statement; each
 * beacon's promise settles only after that statement committed, with its own counts.
 *
 * One commit runs at a time while commits take their usual time, so batches stay whole. Beyond
 * the first, another (up to `maxInFlight`) starts only once every commit in flight has run over
 * twice the recent mean commit time: a stalled commit (a lock wait, a descheduled backend) then
 * no longer holds up the beacons that arrive behind it.
 */
export function createEventWriter(options: TWriterOptions): TEventWriter {
  const windowMs = options.windowMs ?? 3;
  const maxBatchRows = options.maxBatchRows ?? 2000;
  const maxInFlight = options.maxInFlight ?? 2;
  let pending: TSubmission[] = [];
  let pendingRows = 0;
  /** When the oldest waiting beacon arrived. */
  let gatheringSince = 0;
  let timer: NodeJS.Timeout | undefined;
  let stallTimer: NodeJS.Timeout | undefined;
  /** When each commit in flight started. */
  const running: number[] = [];
  let meanCommitMs = windowMs;
  const idle: Array<() => void> = [];

  const msUntilStalled = () => Math.max(...running) + Math.max(windowMs, 2 * meanCommitMs) - performance.now();

  function schedule(): void {
    if (pending.length === 0 || running.length >= maxInFlight) return;
    if (running.length > 0) {
      // It gathers for a window too, and starts no earlier than the commits in flight count as stalled.
      stallTimer ??= setTimeout(() => ((stallTimer = undefined), startBatch()), Math.ceil(Math.max(msUntilStalled(), windowMs)));
      return;
    }
    // The window counts from the oldest beacon's arrival: beacons that waited out a commit go at once.
    const msLeft = gatheringSince + windowMs - performance.now();
    if (pendingRows >= maxBatchRows || msLeft <= 0) return void startBatch();
    timer ??= setTimeout(startBatch, msLeft);
  }

  function startBatch(): void {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0 || running.length >= maxInFlight) return;
    if (running.length > 0 && msUntilStalled() > 0) return schedule();
    clearTimeout(stallTimer);
    stallTimer = undefined;
    const batch = pending;
    pending = [];
    pendingRows = 0;
    const startedAt = performance.now();
    running.push(startedAt);
    void commitBatch(batch).finally(() => {
      running.splice(running.indexOf(startedAt), 1);
      meanCommitMs = 0.8 * meanCommitMs + 0.2 * (performance.now() - startedAt);
      if (pending.length > 0) schedule();
      else if (running.length === 0) idle.splice(0).forEach((wake) => wake());
    });
  }

  async function commitBatch(batch: TSubmission[]): Promise<void> {
    const started = performance.now();
    const rows = batch.reduce((n, s) => n + s.rows.length, 0);
    try {
      const { committed, path } = await commitWithRetry(batch);
      options.onBatch?.({ rows, beacons: batch.length, ms: performance.now() - started, ok: true, path });
      if (committed.length > 0) notify(committed);
    } catch (error) {
      options.onBatch?.({ rows, beacons: batch.length, ms: performance.now() - started, ok: false });
      if (isDataError(error) && batch.length > 1) return commitOneByOne(batch);
      const failure = isDataError(error) ? rejectedByStore(error) : storeUnavailable(error);
      batch.forEach((submission) => submission.reject(failure));
    }
  }

  function notify(committed: TCommittedSession[]): void {
    try {
      options.onCommitted?.(committed);
    } catch {
      // Tracking is best effort; the events are already durable.
    }
  }

  // After a batch met stored events (SDK retries come in bursts, after an outage), skip COPY for a while.
  let insertOnlyUntil = 0;
  const pathFor = (): TCommitPath => (performance.now() < insertOnlyUntil ? 'insert' : 'copy');

  async function commitOnce(batch: TSubmission[]): Promise<{ committed: TCommittedSession[]; path: TCommitPath }> {
    const prepared = prepareBatch(batch);
    if (pathFor() === 'copy') {
      try {
        return { committed: settleBatch(batch, prepared, await commitByCopy(options.db, prepared)), path: 'copy' };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        insertOnlyUntil = performance.now() + INSERT_ONLY_MS;
      }
    }
    return { committed: settleBatch(batch, prepared, await commitByInsert(options.db, prepared)), path: 'insert' };
  }

  async function commitWithRetry(batch: TSubmission[]): Promise<{ committed: TCommittedSession[]; path: TCommitPath }> {
    try {
      return await commitOnce(batch);
    } catch (error) {
      if (!isRetryable(error)) throw error;
      return commitOnce(batch);
    }
  }

  // A row the store refuses must not fail its neighbours: isolate it.
  async function commitOneByOne(batch: TSubmission[]): Promise<void> {
    for (const submission of batch) await commitBatch([submission]);
  }

  return {
    write(rows, session) {
      if (rows.length === 0) return Promise.resolve({ accepted: [], duplicates: 0 });
      return new Promise<TWriteResult>((resolve, reject) => {
        if (pending.length === 0) gatheringSince = performance.now();
        pending.push({ rows, session, resolve, reject });
        pendingRows += rows.length;
        schedule();
      });
    },
    flush() {
      startBatch();
      if (running.length === 0 && pending.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}

function rejectedByStore(cause: unknown): TrailmarkError {
  const message = cause instanceof Error ? cause.message : 'rejected by the store';
  return new TrailmarkError('VALIDATION', `the store refused this beacon: ${message}`, { cause, issues: [{ path: 'events', rule: 'storable', message }] });
}

const INSERT_ONLY_MS = 1000;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === '23505';
}

interface TPreparedBatch {
  /** Distinct by key and sorted, so concurrent commits lock rows in one order. */
  unique: TEventRow[];
  owners: Map<string, TEventRow>;
  sessions: Map<string, TBatchSession>;
}

function prepareBatch(batch: readonly TSubmission[]): TPreparedBatch {
  const owners = new Map<string, TEventRow>();
  const sessions = new Map<string, TBatchSession>();
  for (const submission of batch) {
    const sessionKey = keyOf(submission.session.applicationId, submission.session.sessionId);
    const earlier = sessions.get(sessionKey);
    const meta = earlier?.meta.hasSessionEnd ? { ...submission.session, hasSessionEnd: true } : submission.session;
    const session = { meta, submitted: earlier?.submitted ?? 0, firstTs: earlier?.firstTs ?? Number.POSITIVE_INFINITY, lastTs: earlier?.lastTs ?? Number.NEGATIVE_INFINITY };
    sessions.set(sessionKey, session);
    for (const row of submission.rows) {
      const key = keyOf(row.applicationId, row.sessionId, row.eventId);
      if (owners.has(key)) continue;
      owners.set(key, row);
      session.submitted += 1;
      session.firstTs = Math.min(session.firstTs, row.ts);
      session.lastTs = Math.max(session.lastTs, row.ts);
    }
  }
  return { unique: [...owners.values()].sort(compareRows), owners, sessions };
}

async function commitByInsert(db: TEventStore, batch: TPreparedBatch): Promise<TCommitRow[]> {
  // Named: parsed and planned once per connection instead of once per commit.
  const result = await db.query<TCommitRow>({ name: 'trailmark-commit-events', text: COMMIT_SQL, values: commitParams(batch.unique, [...batch.sessions.values()]) });
  return result.rows;
}

async function commitByCopy(db: TEventStore, batch: TPreparedBatch): Promise<TCommitRow[]> {
  const client = await db.connect();
  // pg-pool listens for a checked-out client's errors no more: a socket lost now would be an uncaught 'error' event.
  // The commit in flight is rejected all the same, and the client is discarded below.
  client.on('error', IGNORE_ERROR);
  let broken: Error | undefined;
  try {
    const upsert = { name: 'trailmark-upsert-live-sessions', text: LIVE_SESSION_UPSERT_SQL, values: liveSessionParams([...batch.sessions.values()]) };
    const rows = await client.query(new CopyCommit<TCommitRow>(COPY_EVENTS_SQL, Buffer.from(eventsCopyText(batch.unique)), upsert)).done;
    // Only outside a transaction block was the Sync a commit (nothing here opens one; this keeps it so).
    const state = client.getTransactionStatus();
    if (state !== 'I') throw new Error(`the commit ended in transaction state ${state ?? 'unknown'}`);
    return rows;
  } catch (error) {
    broken = unsoundAfter(error);
    throw error;
  } finally {
    client.removeListener('error', IGNORE_ERROR);
    client.release(broken);
  }
}

const IGNORE_ERROR = (): void => undefined;

// SQLSTATEs after which the connection is gone (08 connection exception, 57P operator intervention:
// the backend is being terminated) or pg's record of its prepared statements is wrong (26000, 42P05).
const CONNECTION_LOST = /^(08|57P)/;
const STATEMENTS_OUT_OF_STEP = new Set(['26000', '42P05']);

/**
 * After an ERROR Postgres reported, the connection is sound (the server rolled the commit back at
 * its Sync) and is kept. After a FATAL one, a timeout, a lost socket or prepared statements out of
 * step, it is discarded.
 */
function unsoundAfter(error: unknown): Error | undefined {
  const { severity, code } = error as { severity?: unknown; code?: unknown };
  const isSoundServerError = severity === 'ERROR' && typeof code === 'string' && !CONNECTION_LOST.test(code) && !STATEMENTS_OUT_OF_STEP.has(code);
  if (isSoundServerError) return undefined;
  return error instanceof Error ? error : new Error(String(error));
}

function settleBatch(batch: readonly TSubmission[], prepared: TPreparedBatch, rows: readonly TCommitRow[]): TCommittedSession[] {
  const inserted = new Set<string>();
  const wholly = new Set<string>();
  for (const row of rows) {
    if (row.ids === null) wholly.add(keyOf(row.application_id, row.session_id));
    else for (const id of row.ids) inserted.add(keyOf(row.application_id, row.session_id, id));
  }
  for (const submission of batch) settle(submission, prepared.owners, inserted, wholly);
  return rows.map((row) => ({
    meta: (prepared.sessions.get(keyOf(row.application_id, row.session_id)) as TBatchSession).meta,
    firstTs: Math.round(row.first_ms),
    lastTs: Math.round(row.last_ms),
    userTag: row.user_tag,
    previousUserTag: row.prev_user_tag,
    isNew: row.is_new,
    idleMs: row.idle_ms,
  }));
}

/**
 * A row is this submission's only if it was the first with its key in the batch and was
 * inserted: its session's rows all were (`wholly`), or its id came back in `inserted`.
 */
function settle(submission: TSubmission, owners: Map<string, TEventRow>, inserted: Set<string>, wholly: Set<string>): void {
  const isWholly = wholly.has(keyOf(submission.session.applicationId, submission.session.sessionId));
  const accepted = submission.rows.filter((row) => {
    const key = keyOf(row.applicationId, row.sessionId, row.eventId);
    return owners.get(key) === row && (isWholly || inserted.delete(key));
  });
  submission.resolve({ accepted, duplicates: submission.rows.length - accepted.length });
}
