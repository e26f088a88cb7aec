import { createConfigCache } from './config-cache';
import type { TQueryable } from './queryable';

function fakeStore() {
  const state = { version: 1, key: 'tmk_a', definitions: [] as object[], queries: 0 };
  const db: TQueryable = {
    async query(text: string) {
      state.queries += 1;
      if (text.startsWith('SELECT config_version')) return { rows: [{ config_version: state.version, ingest_key: state.key }] } as never;
      if (text.includes('FROM property_definition')) return { rows: state.definitions } as never;
      return {
        rows: [{ id: 'app', ingest_key: state.key, allowed_origins: [], session_timeout_ms: 1, max_session_duration_ms: 2, honour_dnt: true, ip_anonymisation: 'truncate', config_version: state.version }],
      } as never;
    },
  };
  return { state, db };
}

describe('createConfigCache', () => {
  it('checks the version at most once per interval and reloads when it moved', async () => {
    const { state, db } = fakeStore();
    let now = 0;
    const cache = createConfigCache({ db, checkIntervalMs: 1000, now: () => now });
    expect((await cache.byIngestKey('tmk_a'))?.configVersion).toBe(1);
    const loads = state.queries;
    await cache.byIngestKey('tmk_a');
    expect(state.queries).toBe(loads);
    state.version = 2;
    state.definitions = [{ key: 'k', scope: 'event', data_type: 'long', source: 'api', expression: null, case_insensitive: false, max_length: null, cleanup_rule: null, honour_dnt: true }];
    now = 1000;
    const fresh = await cache.byIngestKey('tmk_a');
    expect(fresh?.configVersion).toBe(2);
    expect(fresh?.index.byKey.has('k')).toBe(true);
  });

  it('forgets a rotated key', async () => {
    const { state, db } = fakeStore();
    let now = 0;
    const cache = createConfigCache({ db, now: () => now });
    await cache.byIngestKey('tmk_a');
    state.key = 'tmk_b';
    state.version = 2;
    now = 1000;
    expect(await cache.byIngestKey('tmk_a')).toBeNull();
  });
});
