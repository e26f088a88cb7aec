import { createHarness, rejection } from './harness';
import type { THarness } from './harness';

let harness: THarness;
let applicationId: string;
beforeAll(async () => {
  harness = await createHarness();
  applicationId = (await (await harness.as('admin')).applications.create({ name: 'Props' })).id;
});
afterAll(() => harness.close());

async function freshApp(name: string): Promise<string> {
  return (await (await harness.as('admin')).applications.create({ name })).id;
}

describe('properties.define', () => {
  it('defines a property with the schema defaults and lists it with quota usage', async () => {
    const editor = await harness.as('editor');
    const defined = await editor.properties.define({ applicationId, definition: { key: 'cart_value', dataType: 'number', scope: 'event' } });
    expect(defined).toMatchObject({ key: 'cart_value', dataType: 'double', source: 'api', honourDnt: true, caseInsensitive: false, retiredAt: null });
    const list = await (await harness.as('viewer')).properties.list({ applicationId });
    expect(list.definitions.map((d) => d.key)).toContain('cart_value');
    expect(list.quota.event).toEqual({ used: 1, limit: 20, freeTier: 20 });
  });

  it('forbids viewers to define', async () => {
    const viewer = await harness.as('viewer');
    expect((await rejection(viewer.properties.define({ applicationId, definition: { key: 'x1', dataType: 'string', scope: 'event' } }))).code).toBe('FORBIDDEN');
  });

  it.each([
    ['1abc', 'key_starts_with_letter'],
    ['has-dash', 'key_format'],
    [`k${'x'.repeat(90)}`, 'key_too_long'],
  ])('rejects key %s with rule %s on the key field', async (key, rule) => {
    const editor = await harness.as('editor');
    const error = await rejection(editor.properties.define({ applicationId, definition: { key, dataType: 'string', scope: 'session' } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.issues).toContainEqual(expect.objectContaining({ path: 'key', rule }));
  });

  it('rejects a duplicate key and a key differing only in case', async () => {
    const editor = await harness.as('editor');
    await editor.properties.define({ applicationId, definition: { key: 'plan', dataType: 'string', scope: 'session' } });
    expect((await rejection(editor.properties.define({ applicationId, definition: { key: 'plan', dataType: 'string', scope: 'session' } }))).issues[0]?.rule).toBe('key_taken');
    const caseClash = await rejection(editor.properties.define({ applicationId, definition: { key: 'Plan', dataType: 'string', scope: 'session' } }));
    expect(caseClash.code).toBe('CONFLICT');
    expect(caseClash.issues[0]).toMatchObject({ path: 'key', rule: 'key_taken_ignoring_case' });
  });

  it('rejects the 21st event-scoped property naming the limit and the usage, writing nothing', async () => {
    const editor = await harness.as('editor');
    const app = await freshApp('Limits');
    for (let i = 0; i < 20; i += 1) await editor.properties.define({ applicationId: app, definition: { key: `action_${i}`, dataType: 'long', scope: i % 2 ? 'event' : 'both' } });
    const error = await rejection(editor.properties.define({ applicationId: app, definition: { key: 'action_20', dataType: 'long', scope: 'event' } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'scope', rule: 'max_event_properties' })]);
    expect(error.message).toMatch(/20 event-scoped .* limit is 20/);
    expect(await harness.db.propertyDefinition.count({ where: { applicationId: app } })).toBe(20);
    // A session property still fits.
    await editor.properties.define({ applicationId: app, definition: { key: 'tier', dataType: 'string', scope: 'session' } });
  });

  it('holds the limit under concurrent defines', async () => {
    const editor = await harness.as('editor');
    const app = await freshApp('Race');
    await (await harness.as('admin')).applications.updateLimits({ applicationId: app, limits: { maxEventProperties: 3 } });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => editor.properties.define({ applicationId: app, definition: { key: `race_${i}`, dataType: 'string', scope: 'event' } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await harness.db.propertyDefinition.count({ where: { applicationId: app } })).toBe(3);
  });

  it('names the field for type-specific rules', async () => {
    const editor = await harness.as('editor');
    const error = await rejection(editor.properties.define({ applicationId, definition: { key: 'seen', dataType: 'date', scope: 'event', source: 'cookie', expression: 'seen' } }));
    expect(error.issues).toContainEqual(expect.objectContaining({ path: 'source', rule: 'date_requires_api_source' }));
    const maxLength = await rejection(editor.properties.define({ applicationId, definition: { key: 'count_x', dataType: 'long', scope: 'event', maxLength: 10 } }));
    expect(maxLength.issues).toContainEqual(expect.objectContaining({ path: 'maxLength', rule: 'max_length_strings_only' }));
  });
});

describe('properties.update and retire', () => {
  it('edits mutable fields, refuses key/scope/type changes, and keeps a retired key reserved', async () => {
    const editor = await harness.as('editor');
    const app = await freshApp('Edit');
    const defined = await editor.properties.define({ applicationId: app, definition: { key: 'campaign', dataType: 'string', scope: 'session' } });
    const updated = await editor.properties.update({ applicationId: app, propertyId: defined.id, patch: { displayName: 'Campaign', maxLength: 50 } });
    expect(updated).toMatchObject({ displayName: 'Campaign', maxLength: 50 });
    const immutable = await rejection(editor.properties.update({ applicationId: app, propertyId: defined.id, patch: { dataType: 'long' } }));
    expect(immutable.issues[0]).toMatchObject({ path: 'dataType', rule: 'immutable_field' });
    const retired = await editor.properties.retire({ applicationId: app, propertyId: defined.id });
    expect(retired.retiredAt).toBeInstanceOf(Date);
    expect((await editor.properties.list({ applicationId: app })).definitions).toHaveLength(0);
    const reuse = await rejection(editor.properties.define({ applicationId: app, definition: { key: 'campaign', dataType: 'string', scope: 'session' } }));
    expect(reuse.issues[0]).toMatchObject({ path: 'key', rule: 'key_retired' });
  });

  it('frees a retired key once its data has aged out', async () => {
    const editor = await harness.as('editor');
    const app = await freshApp('Aged');
    const defined = await editor.properties.define({ applicationId: app, definition: { key: 'old_key', dataType: 'string', scope: 'event' } });
    await editor.properties.retire({ applicationId: app, propertyId: defined.id });
    await harness.db.propertyDefinition.update({ where: { id: defined.id }, data: { retiredAt: new Date(Date.now() - 40 * 24 * 3600 * 1000) } });
    const again = await editor.properties.define({ applicationId: app, definition: { key: 'old_key', dataType: 'long', scope: 'event' } });
    expect(again).toMatchObject({ key: 'old_key', dataType: 'long' });
  });
});

describe('property packs', () => {
  it('adds a whole pack in one step with the chosen scope', async () => {
    const editor = await harness.as('editor');
    const app = await freshApp('Pack');
    const added = await editor.properties.addPack({ applicationId: app, packId: 'marketing_campaign', scope: 'session' });
    expect(added.map((d) => d.key).sort()).toEqual(['utm_campaign', 'utm_content', 'utm_medium', 'utm_source', 'utm_term']);
    expect(added.every((d) => d.scope === 'session' && d.source === 'query_string')).toBe(true);
  });

  it('adds nothing when one entry of the pack fails', async () => {
    const editor = await harness.as('editor');
    const app = await freshApp('PackClash');
    await editor.properties.define({ applicationId: app, definition: { key: 'utm_medium', dataType: 'string', scope: 'session' } });
    const error = await rejection(editor.properties.addPack({ applicationId: app, packId: 'marketing_campaign', scope: 'session' }));
    expect(error.issues[0]).toMatchObject({ rule: 'key_taken' });
    expect(error.issues[0]?.path).toMatch(/^definitions\.\d+\.key$/);
    expect(await harness.db.propertyDefinition.count({ where: { applicationId: app } })).toBe(1);
  });

  it('lists the packs', async () => {
    const packs = await (await harness.as('viewer')).properties.packs();
    expect(packs.map((p) => p.id)).toEqual(expect.arrayContaining(['marketing_campaign', 'google_analytics', 'adobe_analytics', 'intercom', 'web_app_basics']));
  });
});
