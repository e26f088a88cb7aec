import { createApplication } from '@trailmark/services';
import { createHarness, rejection, type THarness } from '../../../test/harness';

let h: THarness;
let applicationId: string;

beforeAll(async () => {
  h = await createHarness();
  applicationId = (await createApplication(h.db, { name: 'Shop' })).id;
  await h.db.dropCounter.createMany({
    data: [
      { applicationId, key: 'basket_items', reason: 'undefined_key', count: 12n },
      { applicationId, key: 'plan', reason: 'undefined_key', count: 3n },
      { applicationId, key: 'cart_value', reason: 'type_mismatch', count: 2n },
    ],
  });
});
afterAll(() => h.close());

describe('drops router', () => {
  it('lists undefined keys seen and other drops with counts (viewer)', async () => {
    const viewer = await h.as('viewer');
    const list = await viewer.drops.list({ applicationId });
    expect(list.undefinedKeys.map((d) => [d.key, d.count])).toEqual([['basket_items', 12], ['plan', 3]]);
    expect(list.otherDrops).toEqual([expect.objectContaining({ key: 'cart_value', reason: 'type_mismatch', count: 2 })]);
    expect(list.undefinedKeys[0]?.firstSeenAt).toBeInstanceOf(Date);
  });

  it('defines a property from a drop and clears its counter (editor only)', async () => {
    const viewer = await h.as('viewer');
    expect((await rejection(viewer.drops.defineFromDrop({ applicationId, key: 'basket_items', dataType: 'long', scope: 'session' }))).code).toBe('FORBIDDEN');
    const editor = await h.as('editor');
    const definition = await editor.drops.defineFromDrop({ applicationId, key: 'basket_items', dataType: 'long', scope: 'session' });
    expect(definition).toMatchObject({ key: 'basket_items', dataType: 'long', scope: 'session' });
    const list = await editor.drops.list({ applicationId });
    expect(list.undefinedKeys.map((d) => d.key)).toEqual(['plan']);
  });

  it('reports a bad key as a field issue', async () => {
    const editor = await h.as('editor');
    const failure = await rejection(editor.drops.defineFromDrop({ applicationId, key: 'bad-key', dataType: 'string', scope: 'event' }));
    expect(failure.code).toBe('BAD_REQUEST');
  });
});
