import { createHarness, rejection } from './harness';
import type { THarness } from './harness';

let harness: THarness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness.close());

describe('auth', () => {
  it('refuses anonymous callers and wrong passwords', async () => {
    const anonymous = await harness.anonymous();
    expect(await anonymous.auth.me()).toBeNull();
    expect((await rejection(anonymous.applications.list())).code).toBe('UNAUTHORIZED');
    expect((await rejection(anonymous.auth.signIn({ email: 'nobody@example.test', password: 'whatever-it-is' }))).code).toBe('UNAUTHORIZED');
  });

  it('signs in and reports the user with the role read from the store', async () => {
    const viewer = await harness.as('viewer');
    expect(await viewer.auth.me()).toMatchObject({ email: 'viewer@example.test', role: 'viewer' });
  });

  it('rejects a malformed email with the field named', async () => {
    const anonymous = await harness.anonymous();
    const error = await rejection(anonymous.auth.signIn({ email: 'not-an-email', password: 'x' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.issues[0]?.path).toBe('email');
  });
});

describe('applications', () => {
  it('lets an admin create one with defaults, a key and a snippet', async () => {
    const admin = await harness.as('admin');
    const app = await admin.applications.create({ name: 'Shop', allowedOrigins: ['https://shop.example'] });
    expect(app.ingestKey).toMatch(/^tmk_/);
    expect(app.settings).toEqual({ sessionTimeoutMs: 1_800_000, maxSessionDurationMs: 21_600_000, honourDnt: true, ipAnonymisation: 'truncate', retentionDays: 35, apdexThresholdMs: 3000 });
    expect(app.limits).toEqual({ maxProperties: 200, maxEventProperties: 20, freeTierProperties: 20 });
    expect(app.snippet).toBe(`<script src="http://collector.test/rum.js" data-app="${app.id}" data-key="${app.ingestKey}" async></script>`);
  });

  it('forbids editors and viewers to create or change applications', async () => {
    for (const role of ['editor', 'viewer'] as const) {
      const caller = await harness.as(role);
      expect((await rejection(caller.applications.create({ name: 'Nope' }))).code).toBe('FORBIDDEN');
    }
    const admin = await harness.as('admin');
    const app = await admin.applications.create({ name: 'Guarded' });
    const viewer = await harness.as('viewer');
    expect((await rejection(viewer.applications.rotateIngestKey({ applicationId: app.id }))).code).toBe('FORBIDDEN');
    expect((await viewer.applications.get({ applicationId: app.id })).name).toBe('Guarded');
  });

  it('validates settings merged with the current ones and changes nothing on error', async () => {
    const admin = await harness.as('admin');
    const app = await admin.applications.create({ name: 'Settings' });
    const error = await rejection(admin.applications.update({ applicationId: app.id, patch: { settings: { maxSessionDurationMs: 60_000, sessionTimeoutMs: 120_000 } } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'settings.maxSessionDurationMs', rule: 'session_duration_not_above_timeout' })]);
    expect((await admin.applications.get({ applicationId: app.id })).settings.sessionTimeoutMs).toBe(1_800_000);
    const updated = await admin.applications.update({ applicationId: app.id, patch: { name: 'Renamed', settings: { sessionTimeoutMs: 600_000 } } });
    expect(updated).toMatchObject({ name: 'Renamed', settings: { sessionTimeoutMs: 600_000, maxSessionDurationMs: 21_600_000 } });
  });

  it('rejects a wildcard origin mixed with others', async () => {
    const admin = await harness.as('admin');
    const error = await rejection(admin.applications.create({ name: 'Origins', allowedOrigins: ['*', 'https://a.example'] }));
    expect(error.issues[0]).toMatchObject({ path: 'allowedOrigins', rule: 'origin_wildcard_alone' });
  });

  it('rotates the ingest key and bumps the config version', async () => {
    const admin = await harness.as('admin');
    const app = await admin.applications.create({ name: 'Rotate' });
    const before = await harness.db.application.findUniqueOrThrow({ where: { id: app.id } });
    const rotated = await admin.applications.rotateIngestKey({ applicationId: app.id });
    expect(rotated.ingestKey).not.toBe(app.ingestKey);
    const after = await harness.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(after.configVersion).toBe(before.configVersion + 1);
  });

  it('answers NOT_FOUND for an unknown application', async () => {
    const viewer = await harness.as('viewer');
    expect((await rejection(viewer.applications.get({ applicationId: 'missing' }))).code).toBe('NOT_FOUND');
  });
});

describe('users and tokens', () => {
  it('lets only admins manage users and tokens; tokens are stored hashed', async () => {
    const admin = await harness.as('admin');
    const editor = await harness.as('editor');
    expect((await rejection(editor.users.list())).code).toBe('FORBIDDEN');
    expect((await rejection(editor.tokens.create({ name: 't', scopes: ['usql:read'] }))).code).toBe('FORBIDDEN');
    const created = await admin.tokens.create({ name: 'reporting', scopes: ['usql:read'] });
    expect(created.token).toMatch(/^tmt_/);
    const row = await harness.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(created.token);
    expect(row.tokenHash).toHaveLength(64);
    expect((await admin.tokens.list()).map((token) => token.name)).toContain('reporting');
    await admin.tokens.revoke({ id: created.id });
    expect((await admin.tokens.list()).find((token) => token.id === created.id)?.revokedAt).toBeInstanceOf(Date);
  });

  it('rejects a duplicate user with the email field named', async () => {
    const admin = await harness.as('admin');
    await admin.users.create({ email: 'twice@example.test', password: 'long enough pw', role: 'viewer' });
    const error = await rejection(admin.users.create({ email: 'TWICE@example.test', password: 'long enough pw', role: 'viewer' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.issues[0]).toMatchObject({ path: 'email', rule: 'unique' });
  });
});
