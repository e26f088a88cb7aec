import pg from 'pg';
import { createTestDatabase, type TTestDatabase } from '@trailmark/testing';
import { CopyCommit } from '../src/copy-commit';
import { COPY_EVENTS_SQL, LIVE_SESSION_UPSERT_SQL, eventsCopyText, liveSessionParams, type TBatchSession, type TCommitRow } from '../src/event-sql';
import type { TEventRow, TSessionMeta } from '../src/prepare-beacon';

let database: TTestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const APP = 'app-copy-commit';
const NAME = 'test-upsert-live-sessions';

function batch(sessionId: string): { rows: TEventRow[]; session: TBatchSession } {
  const meta: TSessionMeta = { applicationId: APP, sessionId, instanceId: 'i', userTag: null, ua: null, ip: null, screen: null, windowSize: null, country: null, sessionTimeoutMs: 60_000, maxSessionDurationMs: 86_400_000, hasSessionEnd: false };
  const rows = [1, 2].map((n): TEventRow => ({ applicationId: APP, sessionId, eventId: `e-${n}`, instanceId: 'i', seq: 0, type: 'user_action', ts: 1_764_000_000_000 + n, url: null, userTag: null, data: '{}', properties: '{}', sessionProperties: '{}', drops: [] }));
  return { rows, session: { meta, submitted: rows.length, firstTs: rows[0]!.ts, lastTs: rows[1]!.ts } };
}

function commit(copyText: string, sessions: TBatchSession[]): Promise<TCommitRow[]> {
  return client.query(new CopyCommit<TCommitRow>(COPY_EVENTS_SQL, Buffer.from(copyText), { name: NAME, text: LIVE_SESSION_UPSERT_SQL, values: liveSessionParams(sessions) })).done;
}

const count = async (table: string, sessionId: string) =>
  Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE application_id = $1 AND session_id = $2`, [APP, sessionId])).rows[0]?.n);

describe('CopyCommit (COPY and the live_session upsert in one round trip, one implicit transaction)', () => {
  it('leaves the connection sound after a refused COPY, with the upsert prepared once for the commits after it', async () => {
    const a = batch('s-a');
    await expect(commit('not\ta\tvalid\trow\n', [a.session])).rejects.toMatchObject({ severity: 'ERROR', code: '22P04' });
    const rows = await commit(eventsCopyText(a.rows), [a.session]);
    expect(rows).toEqual([expect.objectContaining({ application_id: APP, session_id: 's-a', is_new: true, idle_ms: null })]);
    const b = batch('s-b');
    expect(await commit(eventsCopyText(b.rows), [b.session])).toHaveLength(1);
    expect((client as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements[NAME]).toBe(LIVE_SESSION_UPSERT_SQL);
    expect(await count('event', 's-a')).toBe(2);
    expect(await count('live_session', 's-b')).toBe(1);
  });

  it('rolls the copied events back when the upsert after them fails', async () => {
    const c = batch('s-c');
    // A session without an application id breaks live_session's NOT NULL after the COPY went through.
    const broken = { ...c.session, meta: { ...c.session.meta, applicationId: null as unknown as string } };
    await expect(commit(eventsCopyText(c.rows), [broken])).rejects.toMatchObject({ code: '23502' });
    expect(await count('event', 's-c')).toBe(0);
    expect(await commit(eventsCopyText(c.rows), [c.session])).toHaveLength(1);
    expect(await count('event', 's-c')).toBe(2);
  });
});
