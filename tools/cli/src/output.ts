import { isTrailmarkError } from '@trailmark/errors';

/** Every command prints exactly one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}

/** Failures go to stderr as a clear message (plus the field issues), with a non-zero exit. */
export function printFailure(error: unknown): void {
  if (isTrailmarkError(error)) {
    // With field issues, the headline drops its own summary of them and each issue gets a line with its rule.
    const headline = error.issues.length > 0 ? (error.message.split(/ — |\n/)[0] ?? error.message) : error.message;
    const lines = [`trailmark: ${error.code}: ${headline}`];
    for (const issue of error.issues) lines.push(`  ${issue.path || '(input)'} [${issue.rule}]: ${issue.message}`);
    process.stderr.write(`${lines.join('\n')}\n`);
    return;
  }
  process.stderr.write(`trailmark: ${conciseMessage(error)}\n`);
}

export function exitCodeOf(error: unknown): number {
  if (!isTrailmarkError(error)) return 1;
  return error.code === 'VALIDATION' || error.code === 'LIMIT_EXCEEDED' || error.code === 'CONFLICT' ? 2 : 1;
}

// Prisma prefixes the cause with a code frame of our source; the operator needs only the cause.
function conciseMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!message.includes('invocation')) return message;
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? message;
}
