import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPrismaClient, dropDatabase } from '@trailmark/db';
import { defineProperty } from '@trailmark/services';

const run = promisify(execFile);
const BIN = join(__dirname, '..', 'bin', 'trailmark.cjs');
const databaseUrl = `postgresql://postgres@127.0.0.1:5432/trailmark_cli_${randomBytes(4).toString('hex')}`;

interface TRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function trailmark(...args: string[]): Promise<TRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function json(result: TRun): Record<string, unknown> {
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

afterAll(() => dropDatabase(databaseUrl));

describe('npx trailmark', () => {
  let appId = '';

  it('creates the database, migrates it, and a second migrate applies nothing', async () => {
    const first = json(await trailmark('db', 'migrate'));
    expect((first['applied'] as string[]).length).toBeGreaterThan(0);
    expect(json(await trailmark('db', 'migrate'))).toEqual({ applied: [] });
  });

  it('seeds the demo idempotently', async () => {
    const seeded = json(await trailmark('db', 'seed', '--demo'));
    expect(seeded).toMatchObject({ admin: { email: 'admin@trailmark.local', created: true }, application: { name: 'Demo Shop', created: true } });
    expect(json(await trailmark('db', 'seed', '--demo'))).toMatchObject({ admin: { created: false }, application: { created: false } });
  });

  it('creates and lists applications as one JSON document', async () => {
    const created = json(await trailmark('app', 'create', '--name', 'Checkout', '--origin', 'https://shop.example'));
    expect(Object.keys(created)).toEqual(expect.arrayContaining(['id', 'name', 'ingestKey']));
    appId = String(created['id']);
    const list = JSON.parse((await trailmark('app', 'list')).stdout) as Array<{ id: string }>;
    expect(list.map((app) => app.id)).toContain(appId);
  });

  it('defines properties and rejects the 21st event-scoped one naming the limit', async () => {
    const defined = json(await trailmark('property', 'define', '--app', appId, '--key', 'cart_value', '--type', 'double', '--scope', 'event'));
    expect(defined).toMatchObject({ key: 'cart_value', dataType: 'double', scope: 'event' });
    const db = createPrismaClient(databaseUrl);
    for (let i = 1; i < 20; i += 1) await defineProperty(db, appId, { key: `prop_${i}`, dataType: 'string', scope: 'event' });
    await db.$disconnect();
    const rejected = await trailmark('property', 'define', '--app', appId, '--key', 'one_too_many', '--type', 'string', '--scope', 'event');
    expect(rejected.code).not.toBe(0);
    expect(rejected.stdout).toBe('');
    expect(rejected.stderr).toMatch(/LIMIT_EXCEEDED/);
    expect(rejected.stderr).toMatch(/max_event_properties/);
    expect(rejected.stderr).toMatch(/limit is 20/);
    const list = json(await trailmark('property', 'list', '--app', appId));
    expect((list['definitions'] as unknown[]).length).toBe(20);
  });

  it('passes every flag through to the shared schema', async () => {
    const defined = json(
      await trailmark('property', 'define', '--app', appId, '--key', 'Plan', '--type', 'string', '--scope', 'session', '--source', 'cookie', '--expression', 'plan', '--aggregation', 'first', '--case-insensitive', '--max-length', '40', '--cleanup', '^(\\w+)', '--display-name', 'Plan'),
    );
    expect(defined).toMatchObject({ key: 'Plan', source: 'cookie', expression: 'plan', sessionAggregation: 'first', caseInsensitive: true, maxLength: 40, cleanupRule: '^(\\w+)', displayName: 'Plan' });
  });

  it('explains an invalid key on stderr with a non-zero exit', async () => {
    const result = await trailmark('property', 'define', '--app', appId, '--key', '9lives', '--type', 'string', '--scope', 'session');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/key \[key_starts_with_letter\]/);
  });

  it('rejects unknown choices before touching the store', async () => {
    const result = await trailmark('property', 'define', '--app', appId, '--key', 'k', '--type', 'text', '--scope', 'event');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--type/);
  });

  it('creates tokens and users', async () => {
    const token = json(await trailmark('token', 'create', '--name', 'ci', '--scope', 'usql:read', '--app', appId));
    expect(String(token['token'])).toMatch(/^tmt_/);
    const badScope = await trailmark('token', 'create', '--name', 'ci', '--scope', 'root');
    expect(badScope.code).not.toBe(0);
    expect(badScope.stderr).toMatch(/scopes/);
    expect(json(await trailmark('user', 'create', '--email', 'ana@example.test', '--password', 'a long password', '--role', 'editor'))).toMatchObject({ email: 'ana@example.test', role: 'editor' });
    const short = await trailmark('user', 'create', '--email', 'bo@example.test', '--password', 'short', '--role', 'viewer');
    expect(short.stderr).toMatch(/password/);
  });

  it('fails clearly when the database is unreachable', async () => {
    const { stderr, code } = await run(process.execPath, [BIN, 'app', 'list'], { env: { ...process.env, DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none' } }).then(
      (r) => ({ ...r, code: 0 }),
      (e: { stderr: string; code: number }) => e,
    );
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/trailmark:/);
  });
});
