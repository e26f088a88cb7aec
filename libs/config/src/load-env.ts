import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'dotenv';
import type { z } from 'zod';
import { TrailmarkError } from '@trailmark/errors';

export type TEnvSource = Record<string, string | undefined>;

/** Finds `.env.local` in `startDir` or the nearest parent (the workspace root when run from an app). */
export function findEnvFile(startDir: string, name = '.env.local'): string | undefined {
  let dir = startDir;
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Values from the file fill only what the real environment leaves unset. */
export function withEnvFile(source: TEnvSource, file: string | undefined): TEnvSource {
  if (!file) return source;
  const fromFile = parse(readFileSync(file));
  return { ...fromFile, ...stripEmpty(source) };
}

function stripEmpty(source: TEnvSource): TEnvSource {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
}

/**
 * Validates the environment once at start-up; the error names every missing or bad variable,
 * so an operator fixes all of them in one go.
 */
export function parseEnv<S extends z.ZodType>(schema: S, source: TEnvSource): z.infer<S> {
  const result = schema.safeParse(stripEmpty(source));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
  throw new TrailmarkError('VALIDATION', `Invalid configuration:\n${lines.join('\n')}`, {
    issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), rule: issue.code, message: issue.message })),
  });
}

/** `parseEnv` over process.env plus the nearest `.env.local`. */
export function loadEnv<S extends z.ZodType>(schema: S, cwd: string = process.cwd()): z.infer<S> {
  return parseEnv(schema, withEnvFile(process.env, findEnvFile(cwd)));
}
