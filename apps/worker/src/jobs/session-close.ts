import { JOB_DEFINITIONS } from '@trailmark/jobs';
import { defineJob, runAgainAt } from './job-definition';

/**
 * Closes one session; concurrent jobs share a transaction through the close batcher. The
 * collector schedules an inactivity close once per session: when the session was active since,
 * the same job waits again until the last activity plus the timeout.
 */
export const sessionCloseJob = defineJob({
  name: 'session-close',
  queue: JOB_DEFINITIONS['session-close'].queue,
  schema: JOB_DEFINITIONS['session-close'].schema,
  async handle(payload, context) {
    const outcome = await context.closer.close(payload);
    return outcome.dueAt === undefined ? outcome : runAgainAt(outcome.dueAt);
  },
});
