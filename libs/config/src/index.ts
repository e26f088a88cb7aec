export { ZDatabaseEnv, ZRedisEnv, ZLogEnv, ZSecretEnv, ZCollectorEnv, ZWorkerEnv, ZConsoleEnv } from './env-schemas';
export type { TCollectorEnv, TWorkerEnv, TConsoleEnv } from './env-schemas';
export { parseEnv, loadEnv, findEnvFile, withEnvFile } from './load-env';
export type { TEnvSource } from './load-env';
