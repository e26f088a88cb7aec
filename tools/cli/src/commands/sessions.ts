import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { createPgPool } from '@trailmark/db';
import { closeExpiredSessions } from '@trailmark/sessions';
import { cliEnv } from '../context';
import { printJson } from '../output';

function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive whole number');
  return parsed;
}

export function registerSessionCommands(program: Command): void {
  const sessions = program.command('sessions').description('session lifecycle');
  sessions
    .command('close-expired')
    .description('close every session past its inactivity timeout or max duration now (the worker also does this on its own schedule)')
    .option('--batch-size <n>', 'sessions per transaction', positiveInt, 500)
    .option('--parallel <n>', 'transactions in flight', positiveInt, 2)
    .action(async (options: { batchSize: number; parallel: number }) => {
      const pool = createPgPool(cliEnv().DATABASE_URL, { max: options.parallel, applicationName: 'trailmark-cli' });
      try {
        const result = await closeExpiredSessions(pool, { batchSize: options.batchSize, parallel: options.parallel });
        printJson({ ...result, sessionsPerSecond: result.ms > 0 ? Math.round((result.closed * 1000) / result.ms) : null });
      } finally {
        await pool.end();
      }
    });
}
