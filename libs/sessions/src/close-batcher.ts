import type pg from 'pg';
import { closeSessions, type TCloseRequest, type TCloseResult } from './close-sessions';
import { keyOf } from './session-key';

export interface TCloseOutcome {
  /** This call wrote the summary (false: already closed, not due yet, or nothing to summarise). */
  isClosed: boolean;
  /** A `timeout` close of a session active since: when (epoch ms) it is due now. */
  dueAt?: number;
}

export interface TCloseBatcher {
  close(request: TCloseRequest): Promise<TCloseOutcome>;
  /** Waits for the batch in flight; later calls are rejected. */
  drain(): Promise<void>;
}

export interface TCloseBatcherOptions {
  maxBatch?: number;
  /** How long the first request of a batch waits for company. */
  maxWaitMs?: number;
  onClosed?: (result: TCloseResult) => void;
}

interface TPending {
  request: TCloseRequest;
  resolve: (outcome: TCloseOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Groups concurrent close jobs into one transaction each few milliseconds: a job's promise
 * settles when its batch commits (or fails, so the job is retried as a whole).
 */
export function createCloseBatcher(pool: pg.Pool, options: TCloseBatcherOptions = {}): TCloseBatcher {
  const maxBatch = options.maxBatch ?? 200;
  const maxWaitMs = options.maxWaitMs ?? 5;
  let pending: TPending[] = [];
  let timer: NodeJS.Timeout | undefined;
  const inFlight = new Set<Promise<void>>();
  let isDraining = false;

  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const run = runBatch(pool, batch, options.onClosed).finally(() => inFlight.delete(run));
    inFlight.add(run);
  };

  return {
    close(request) {
      if (isDraining) return Promise.reject(new Error('the close batcher is shutting down'));
      return new Promise<TCloseOutcome>((resolve, reject) => {
        pending.push({ request, resolve, reject });
        if (pending.length >= maxBatch) flush();
        else timer ??= setTimeout(flush, maxWaitMs);
      });
    },
    async drain() {
      isDraining = true;
      flush();
      await Promise.all([...inFlight]);
    },
  };
}

async function runBatch(pool: pg.Pool, batch: TPending[], onClosed: TCloseBatcherOptions['onClosed']): Promise<void> {
  try {
    const result = await closeSessions(pool, batch.map((entry) => entry.request));
    onClosed?.(result);
    const closed = new Set(result.closed.map((key) => keyOf(key.applicationId, key.sessionId)));
    const dueAt = new Map(result.notDue.map((open) => [keyOf(open.applicationId, open.sessionId), open.dueAt]));
    for (const entry of batch) {
      const key = keyOf(entry.request.applicationId, entry.request.sessionId);
      const due = dueAt.get(key);
      entry.resolve(due === undefined ? { isClosed: closed.has(key) } : { isClosed: false, dueAt: due });
    }
  } catch (error) {
    for (const entry of batch) entry.reject(error);
  }
}
