import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgresql:// URL');

const redisUrl = z
  .string()
  .url()
  .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// or rediss:// URL');

export const ZDatabaseEnv = z.object({
  DATABASE_URL: postgresUrl.default('postgresql://postgres@127.0.0.1:5432/trailmark'),
});

export const ZRedisEnv = z.object({
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
});

export const ZLogEnv = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export const ZSecretEnv = z.object({
  TRAILMARK_SECRET: z
    .string({ error: 'is required (npm run up generates one into .env.local)' })
    .min(32, 'must be at least 32 characters'),
});

export const ZCollectorEnv = ZDatabaseEnv.extend(ZRedisEnv.shape)
  .extend(ZLogEnv.shape)
  .extend(ZSecretEnv.shape)
  .extend({
    COLLECTOR_PORT: port(8080),
    COLLECTOR_HOST: z.string().min(1).default('127.0.0.1'),
    GEOIP_DB: z.string().min(1).optional(),
  });

export const ZWorkerEnv = ZDatabaseEnv.extend(ZRedisEnv.shape)
  .extend(ZLogEnv.shape)
  .extend(ZSecretEnv.shape)
  .extend({
    WORKER_HEALTH_PORT: port(8081),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  });

export const ZConsoleEnv = ZDatabaseEnv.extend(ZRedisEnv.shape)
  .extend(ZLogEnv.shape)
  .extend(ZSecretEnv.shape)
  .extend({
    CONSOLE_PORT: port(3000),
    COLLECTOR_PUBLIC_URL: z.string().url().default('http://127.0.0.1:8080'),
  });

export type TCollectorEnv = z.infer<typeof ZCollectorEnv>;
export type TWorkerEnv = z.infer<typeof ZWorkerEnv>;
export type TConsoleEnv = z.infer<typeof ZConsoleEnv>;
