import { isUsqlError } from '@trailmark/usql';
import { mapStoreError } from './executor';

describe('mapStoreError', () => {
  it('maps a cancelled statement to TIMEOUT, data exceptions to a USQL error and lost stores to STORE_UNAVAILABLE', () => {
    expect(mapStoreError(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }), 10_000).code).toBe('TIMEOUT');
    const range = mapStoreError(Object.assign(new Error('bigint out of range'), { code: '22003' }), 10_000);
    expect(isUsqlError(range) && range.toUsqlBody().code).toBe('USQL_TYPE');
    expect(mapStoreError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 10_000).code).toBe('STORE_UNAVAILABLE');
    expect(mapStoreError(new Error('boom'), 10_000).code).toBe('INTERNAL');
  });
});
