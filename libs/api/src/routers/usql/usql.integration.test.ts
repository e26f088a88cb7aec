import { createApplication, defineProperty } from '@trailmark/services';
import { createHarness, rejection, type THarness } from '../../../test/harness';

let h: THarness;
let appA: string;
let appB: string;
const frame = { startTimestamp: Date.parse('2026-11-01T00:00:00Z'), endTimestamp: Date.parse('2026-12-01T00:00:00Z') };

async function seedSession(app: string, id: string, start: string, extra: Record<string, unknown>): Promise<void> {
  const startTime = new Date(start);
  await h.db.session.create({
    data: { applicationId: app, sessionId: id, instanceId: `i-${id}`, startTime, endTime: new Date(startTime.getTime() + 1000), duration: 1000n, endReason: 'timeout', ...extra },
  });
}

beforeAll(async () => {
  h = await createHarness();
  appA = (await createApplication(h.db, { name: 'Shop A' })).id;
  appB = (await createApplication(h.db, { name: 'Shop B' })).id;
  await defineProperty(h.db, appA, { key: 'loyalty_tier', dataType: 'string', scope: 'session' });
  await defineProperty(h.db, appA, { key: 'cart_value', dataType: 'double', scope: 'event' });
  await defineProperty(h.db, appB, { key: 'cart_value', dataType: 'string', scope: 'event' });
  await seedSession(appA, 's1', '2026-11-22T10:00:00Z', { country: 'US', userTag: 'a@example.com', properties: { loyalty_tier: 'gold' } });
  await seedSession(appA, 's2', '2026-11-22T11:00:00Z', { country: 'US', userTag: 'b@example.com' });
  await seedSession(appB, 's1', '2026-11-22T10:00:00Z', { country: 'AT', userTag: 'c@example.com' });
  await h.db.userAction.create({
    data: { applicationId: appA, sessionId: 's1', eventId: 'a1', sessionStartTime: new Date('2026-11-22T10:00:00Z'), name: 'pay', type: 'Xhr', startTime: new Date('2026-11-22T10:00:01Z'), duration: 300n, properties: { cart_value: 120.5 } },
  });
});
afterAll(() => h.close());

describe('usql.run', () => {
  it('runs a query for a viewer across all applications, as a table or a tree', async () => {
    const viewer = await h.as('viewer');
    expect(await viewer.usql.run({ query: 'SELECT country, COUNT(*) FROM usersession GROUP BY country ORDER BY country', ...frame })).toEqual({
      columnNames: ['country', 'COUNT(*)'],
      values: [['AT', 1], ['US', 2]],
      extrapolationLevel: 1,
    });
    expect(await viewer.usql.run({ query: 'SELECT country, COUNT(*) FROM usersession GROUP BY country', shape: 'tree', applicationId: appA, ...frame })).toEqual({
      branchNames: ['country'],
      leafNames: ['COUNT(*)'],
      values: { US: [2] },
      extrapolationLevel: 1,
    });
  });

  it('returns dates as epoch ms, arrays and properties through the Prisma path', async () => {
    const viewer = await h.as('viewer');
    const result = await viewer.usql.run({
      query: "SELECT startTime, useraction.name, stringProperties.loyalty_tier, useraction.doubleProperties.cart_value FROM usersession WHERE userId = 'a@example.com'",
      applicationId: appA,
      ...frame,
    });
    expect(result).toMatchObject({ values: [[Date.parse('2026-11-22T10:00:00Z'), ['pay'], 'gold', [120.5]]] });
  });

  it('shows the SQL to admins only', async () => {
    const viewer = await h.as('viewer');
    const admin = await h.as('admin');
    const asViewer = await viewer.usql.run({ query: 'SELECT COUNT(*) FROM usersession', explain: true, ...frame });
    const asAdmin = await admin.usql.run({ query: 'SELECT COUNT(*) FROM usersession', explain: true, ...frame });
    expect(asViewer.explanations?.join('\n')).not.toMatch(/SQL:/);
    expect(asAdmin.explanations?.join('\n')).toMatch(/SQL: SELECT .* FROM session s/);
  });

  it('leaves out a key typed differently across applications unless one is picked', async () => {
    const viewer = await h.as('viewer');
    const both = await rejection(viewer.usql.run({ query: 'SELECT COUNT(*) FROM useraction WHERE doubleProperties.cart_value > 100', ...frame }));
    expect(both.code).toBe('BAD_REQUEST');
    expect(await viewer.usql.run({ query: 'SELECT COUNT(*) FROM useraction WHERE doubleProperties.cart_value > 100', applicationId: appA, ...frame })).toMatchObject({ values: [[1]] });
  });

  it('maps USQL errors with their position, and refuses anonymous callers', async () => {
    const viewer = await h.as('viewer');
    const error = await viewer.usql.run({ query: 'SELECT browserFamly FROM usersession', ...frame }).catch((e: unknown) => e as { code: string; cause?: unknown });
    expect(error).toMatchObject({ code: 'BAD_REQUEST', cause: { details: { usqlCode: 'USQL_UNKNOWN_FIELD', line: 1, column: 8 } } });
    expect((await rejection((await h.anonymous()).usql.run({ query: 'SELECT COUNT(*) FROM usersession' }))).code).toBe('UNAUTHORIZED');
    expect((await rejection(viewer.usql.run({ query: 'SELECT COUNT(*) FROM usersession', applicationId: 'nope' }))).code).toBe('FORBIDDEN');
  });
});

describe('usql.completions', () => {
  it('lists fields, functions and the application’s property keys', async () => {
    const viewer = await h.as('viewer');
    const completions = await viewer.usql.completions({ applicationId: appA });
    const session = completions.tables.find((table) => table.name === 'usersession');
    expect(session?.fields.map((f) => f.name)).toContain('browserFamily');
    expect(session?.properties).toEqual([expect.objectContaining({ key: 'loyalty_tier', type: 'string', insertText: 'stringProperties.loyalty_tier' })]);
    expect(completions.functions.map((f) => f.name)).toEqual(expect.arrayContaining(['COUNT', 'FUNNEL', 'DATETIME']));
    expect((await rejection(viewer.usql.completions({ applicationId: 'nope' }))).code).toBe('NOT_FOUND');
  });
});
