export { createTestDatabase } from './test-database';
export type { TTestDatabase } from './test-database';
export { createTestRedisPrefix } from './test-redis';
export type { TTestRedisPrefix } from './test-redis';
export { freePort } from './free-port';
