'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { FormError } from '../../../../components/field';
import { Shell } from '../../../../components/shell';
import { useTRPC } from '../../../../lib/trpc';

const PAGE_SIZE = 25;

function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString();
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Cursor paging: a stack of the cursors that led to each page, so Back works too. */
function useCursorPages() {
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  return {
    cursor,
    page: cursors.length + 1,
    next: (nextCursor: string) => setCursors((current) => [...current, nextCursor]),
    back: () => setCursors((current) => current.slice(0, -1)),
  };
}

function LiveSessions({ applicationId }: { applicationId: string }) {
  const trpc = useTRPC();
  const paging = useCursorPages();
  const live = useQuery(trpc.sessions.live.queryOptions({ applicationId, limit: PAGE_SIZE, ...(paging.cursor ? { cursor: paging.cursor } : {}) }, { refetchInterval: 5_000 }));
  return (
    <section className="card" aria-label="Live sessions">
      <h2>
        Live sessions <span className="badge">provisional</span>
      </h2>
      <p className="hint">Open sessions with aggregates of their events so far; they change until the session closes.</p>
      {live.error ? <FormError message={live.error.message} /> : null}
      {live.data && live.data.items.length === 0 ? <p className="empty">No open sessions right now.</p> : null}
      {live.data && live.data.items.length > 0 ? (
        <table className="table" data-testid="live-sessions">
          <thead>
            <tr>
              <th>Session</th>
              <th>User</th>
              <th>Started</th>
              <th>Last activity</th>
              <th>Events</th>
              <th>Actions</th>
              <th>Errors</th>
              <th>Browser</th>
            </tr>
          </thead>
          <tbody>
            {live.data.items.map((session) => (
              <tr key={session.session_id}>
                <td>
                  <code>{session.session_id}</code>
                </td>
                <td>{session.user_tag ?? '—'}</td>
                <td>{formatTime(session.start_time)}</td>
                <td>{formatTime(session.last_activity)}</td>
                <td>{session.event_count}</td>
                <td>{session.user_action_count}</td>
                <td>{session.error.count}</td>
                <td>{session.browser.name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager page={paging.page} onBack={paging.back} nextCursor={live.data?.nextCursor ?? null} onNext={paging.next} />
    </section>
  );
}

function ClosedSessions({ applicationId }: { applicationId: string }) {
  const trpc = useTRPC();
  const paging = useCursorPages();
  const closed = useQuery(trpc.sessions.list.queryOptions({ applicationId, limit: PAGE_SIZE, ...(paging.cursor ? { cursor: paging.cursor } : {}) }));
  return (
    <section className="card" aria-label="Closed sessions">
      <h2>Closed sessions</h2>
      {closed.error ? <FormError message={closed.error.message} /> : null}
      {closed.data && closed.data.items.length === 0 ? <p className="empty">No closed sessions yet.</p> : null}
      {closed.data && closed.data.items.length > 0 ? (
        <table className="table" data-testid="closed-sessions">
          <thead>
            <tr>
              <th>Session</th>
              <th>User</th>
              <th>Started</th>
              <th>Duration</th>
              <th>End</th>
              <th>Actions</th>
              <th>Errors</th>
              <th>Browser</th>
              <th>Country</th>
            </tr>
          </thead>
          <tbody>
            {closed.data.items.map((session) => (
              <tr key={session.session_id}>
                <td>
                  <code>{session.session_id}</code>
                </td>
                <td>{session.user_tag ?? '—'}</td>
                <td>{formatTime(session.start_time)}</td>
                <td>{formatDuration(session.duration)}</td>
                <td>{session.end_reason}</td>
                <td>{session.user_action_count}</td>
                <td>{session.error.count}</td>
                <td>{session.browser.name ?? '—'}</td>
                <td>{session.geo.country_iso_code ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager page={paging.page} onBack={paging.back} nextCursor={closed.data?.nextCursor ?? null} onNext={paging.next} />
    </section>
  );
}

function Pager({ page, onBack, nextCursor, onNext }: { page: number; onBack: () => void; nextCursor: string | null; onNext: (cursor: string) => void }) {
  return (
    <div className="pager">
      <button type="button" className="secondary" disabled={page === 1} onClick={onBack}>
        ← Newer
      </button>
      <span className="hint">page {page}</span>{' '}
      <button type="button" className="secondary" disabled={!nextCursor} onClick={() => nextCursor && onNext(nextCursor)}>
        Older →
      </button>
    </div>
  );
}

export default function SessionsPage() {
  const { appId } = useParams<{ appId: string }>();
  return (
    <Shell>
      <p>
        <Link href={`/apps/${encodeURIComponent(appId)}`}>← Application</Link>
      </p>
      <h1>Sessions</h1>
      <LiveSessions applicationId={appId} />
      <ClosedSessions applicationId={appId} />
    </Shell>
  );
}
