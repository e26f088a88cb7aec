import pg from 'pg';
import { insertApplication, insertEvents, typicalEvents } from '@trailmark/sessions/testing';
import { closeSessions } from '@trailmark/sessions';
import { createHarness, rejection, type THarness } from '../../../test/harness';

let harness: THarness;
let pool: pg.Pool;

beforeAll(async () => {
  harness = await createHarness();
  const url = (await harness.db.$queryRawUnsafe<Array<{ db: string }>>('SELECT current_database() AS db'))[0]?.db ?? '';
  pool = new pg.Pool({ connectionString: `postgresql://postgres@127.0.0.1:5432/${url}`, max: 2 });
});

afterAll(async () => {
  await pool.end();
  await harness.close();
});

describe('sessions and exports routers', () => {
  it('shows live sessions as provisional, closed ones in list and get', async () => {
    const app = await insertApplication(pool);
    await insertEvents(pool, { applicationId: app, sessionId: 'open' }, typicalEvents(Date.now() - 1000, 5));
    await insertEvents(pool, { applicationId: app, sessionId: 'done' }, typicalEvents(Date.now() - 9000, 5));
    await closeSessions(pool, [{ applicationId: app, sessionId: 'done', reason: 'api' }]);
    const viewer = await harness.as('viewer');
    const live = await viewer.sessions.live({ applicationId: app, limit: 10 });
    expect(live.items).toHaveLength(1);
    expect(live.items[0]).toMatchObject({ session_id: 'open', provisional: true, event_count: 5, navigation_count: 1, browser: { name: 'Chrome' } });
    const list = await viewer.sessions.list({ applicationId: app, limit: 10 });
    expect(list.items.map((item) => item.session_id)).toEqual(['done']);
    const detail = await viewer.sessions.get({ applicationId: app, sessionId: 'done' });
    expect(detail.events).toHaveLength(5);
    expect(detail.session.end_reason).toBe('api');
    expect((await rejection(viewer.sessions.get({ applicationId: app, sessionId: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it('lets admins manage export streams and keeps others out', async () => {
    const app = await insertApplication(pool);
    const admin = await harness.as('admin');
    const created = await admin.exports.createStream({ applicationId: app, name: 'lake', url: 'https://hooks.example/t' });
    expect(created.secret).toMatch(/^whsec_/);
    const streams = await admin.exports.listStreams({ applicationId: app });
    expect(streams).toEqual([expect.objectContaining({ id: created.id, enabled: true, secretPrefix: created.secret.slice(0, 10) })]);
    expect(streams[0]).not.toHaveProperty('secret');
    const updated = await admin.exports.updateStream({ id: created.id, patch: { enabled: false, rotateSecret: true } });
    expect(updated.enabled).toBe(false);
    expect(updated.secret).not.toBe(created.secret);
    expect(await admin.exports.listDeliveries({ streamId: created.id })).toEqual({ items: [], nextCursor: null });
    expect((await rejection(admin.exports.replayDeadLetters({ deliveryId: 'missing' }))).code).toBe('CONFLICT');
    const editor = await harness.as('editor');
    expect((await rejection(editor.exports.listStreams({}))).code).toBe('FORBIDDEN');
    expect((await rejection(admin.exports.createStream({ applicationId: app, name: 'x', url: 'ftp://nope' }))).code).toBe('BAD_REQUEST');
    expect(await admin.exports.deleteStream({ id: created.id })).toEqual({ deleted: true });
  });
});
