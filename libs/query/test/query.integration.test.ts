import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '@trailmark/db';
import { createApplication, defineProperty } from '@trailmark/services';
import { createTestDatabase, type TTestDatabase } from '@trailmark/testing';
import { createPgExecutor, createPrismaExecutor, loadScopeDefinitions, resolveApplicationScope } from '../src/index';

let database: TTestDatabase;
let prisma: PrismaClient;
let pool: pg.Pool;
let appA: string;
let appB: string;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrismaClient(database.url);
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  appA = (await createApplication(prisma, { name: 'A' })).id;
  appB = (await createApplication(prisma, { name: 'B' })).id;
  await defineProperty(prisma, appA, { key: 'tier', dataType: 'string', scope: 'session' });
  await defineProperty(prisma, appB, { key: 'tier', dataType: 'string', scope: 'event' });
  await defineProperty(prisma, appA, { key: 'value', dataType: 'double', scope: 'event' });
  await defineProperty(prisma, appB, { key: 'value', dataType: 'long', scope: 'event' });
});

afterAll(async () => {
  await pool?.end();
  await prisma?.$disconnect();
  await database?.drop();
});

describe('application scope', () => {
  it('confines to the granted applications and refuses others', async () => {
    expect(await resolveApplicationScope(prisma, { applicationIds: [], canSeeSql: false }, undefined)).toEqual([appA, appB]);
    expect(await resolveApplicationScope(prisma, { applicationIds: [appA, 'gone'], canSeeSql: false }, undefined)).toEqual([appA]);
    await expect(resolveApplicationScope(prisma, { applicationIds: [appA], canSeeSql: false }, appB)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(resolveApplicationScope(prisma, { applicationIds: ['gone'], canSeeSql: false }, undefined)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('merges definitions by key; a type clash leaves the key out and says so', async () => {
    const both = await loadScopeDefinitions(prisma, [appA, appB]);
    expect(both.definitions).toEqual([{ key: 'tier', scope: 'both', dataType: 'string' }]);
    expect(both.explanations.join()).toMatch(/value/);
    expect((await loadScopeDefinitions(prisma, [appB])).definitions).toHaveLength(2);
  });
});

describe('executors', () => {
  it.each([
    ['pg', () => createPgExecutor(pool)],
    ['prisma', () => createPrismaExecutor(prisma)],
  ])('%s: runs read-only with a statement timeout', async (_name, make) => {
    const executor = make();
    expect(await executor.runReadOnly({ sql: 'SELECT $1::text AS c0, 2::float8 AS c1', params: ['x'], columnCount: 2 }, 1000)).toEqual([['x', 2]]);
    await expect(executor.runReadOnly({ sql: "INSERT INTO \"user\" (id, email, password_hash, role) VALUES ('u', 'e', 'h', 'viewer') RETURNING 1 AS c0", params: [], columnCount: 1 }, 1000)).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(executor.runReadOnly({ sql: 'SELECT pg_sleep(1) AS c0', params: [], columnCount: 1 }, 50)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(await prisma.user.count()).toBe(0);
  });
});
