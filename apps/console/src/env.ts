import 'server-only';
import { ZConsoleEnv, loadEnv } from '@trailmark/config';
import type { TConsoleEnv } from '@trailmark/config';

let cached: TConsoleEnv | undefined;

/** Validated once per server process; a bad value fails the first request with its name. */
export function consoleEnv(): TConsoleEnv {
  cached ??= loadEnv(ZConsoleEnv);
  return cached;
}
