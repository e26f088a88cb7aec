import { isTrailmarkError } from '@trailmark/errors';
import { expandPack } from './expand-pack';
import { ZPropertyDefinitionInput } from './property-definition';
import { PROPERTY_PACKS } from './property-packs';
import { PROPERTY_SCOPES } from './property-scope';
import { issuesOf } from './test-helpers';

const entries = PROPERTY_PACKS.flatMap((pack) => pack.definitions.map((entry) => [pack.id, entry.key, entry] as const));

describe('PROPERTY_PACKS', () => {
  it('ships the packs of SPEC §4.3', () => {
    expect(PROPERTY_PACKS.map((pack) => pack.id)).toEqual(['marketing_campaign', 'google_analytics', 'adobe_analytics', 'intercom', 'web_app_basics']);
  });

  it('has unique pack ids and unique keys across packs', () => {
    expect(new Set(PROPERTY_PACKS.map((pack) => pack.id)).size).toBe(PROPERTY_PACKS.length);
    expect(new Set(entries.map(([, key]) => key)).size).toBe(entries.length);
  });

  it.each(entries)('%s/%s is a valid definition in every scope', (_pack, _key, entry) => {
    const { suggestedScope, sessionAggregation, ...definition } = entry as typeof entry & { sessionAggregation?: string };
    expect(issuesOf(ZPropertyDefinitionInput, { ...definition, scope: suggestedScope, sessionAggregation })).toEqual([]);
    for (const scope of PROPERTY_SCOPES) expect(() => expandPack(_pack, { keys: [entry.key], scope })).not.toThrow();
  });

  it('reads the utm parameters from the query string', () => {
    const utm = expandPack('marketing_campaign');
    expect(utm.map((definition) => [definition.key, definition.source, definition.expression])).toEqual(
      ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'].map((name) => [name, 'query_string', name]),
    );
  });

  it('extracts the GA client id from the _ga cookie with its cleanup rule', () => {
    const [clientId] = expandPack('google_analytics', { keys: ['ga.client_id'] });
    expect(clientId).toMatchObject({ source: 'cookie', expression: '_ga' });
    expect(new RegExp(clientId?.cleanupRule ?? '').exec('GA1.1.1234567890.1700000000')?.[1]).toBe('1234567890.1700000000');
  });

  it('extracts the Adobe visitor id from s_vi', () => {
    const [visitor] = expandPack('adobe_analytics', { keys: ['adobe.visitor_id'] });
    expect(new RegExp(visitor?.cleanupRule ?? '').exec('[CS]v1|2F3A1B2C0515A2D9-60000C1A2000B4E5|[CE]')?.[1]).toBe('2F3A1B2C0515A2D9-60000C1A2000B4E5');
  });
});

describe('expandPack', () => {
  it('uses suggested scopes by default', () => {
    expect(expandPack('web_app_basics').map((definition) => [definition.key, definition.scope])).toEqual([
      ['app.version', 'both'],
      ['page.language', 'event'],
      ['browser.language', 'session'],
    ]);
  });

  it('creates only the picked keys with the picked scope, dropping aggregation on event scope', () => {
    const picked = expandPack('marketing_campaign', { keys: ['utm_source', 'utm_campaign'], scope: 'event' });
    expect(picked.map((definition) => [definition.key, definition.scope, definition.sessionAggregation])).toEqual([
      ['utm_source', 'event', null],
      ['utm_campaign', 'event', null],
    ]);
  });

  it('takes a scope per key', () => {
    const picked = expandPack('marketing_campaign', { keys: ['utm_source', 'utm_medium'], scope: { utm_source: 'both' } });
    expect(picked.map((definition) => [definition.scope, definition.sessionAggregation])).toEqual([
      ['both', 'first'],
      ['session', 'first'],
    ]);
  });

  it('fails clearly for an unknown pack or key', () => {
    expect(() => expandPack('tealeaf')).toThrow(/no property pack tealeaf; known packs: marketing_campaign/);
    try {
      expandPack('intercom', { keys: ['intercom.user_id', 'intercom.nope'] });
      throw new Error('expected a throw');
    } catch (error) {
      expect(isTrailmarkError(error) && error.code).toBe('VALIDATION');
      expect(isTrailmarkError(error) && error.issues).toEqual([{ path: 'keys.1', rule: 'pack_key_unknown', message: 'pack intercom has no property `intercom.nope`' }]);
    }
  });
});
