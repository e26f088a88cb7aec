import { JOB_DEFINITIONS } from '@trailmark/jobs';
import { defineJob } from './job-definition';

/** Closes one session; concurrent jobs share a transaction through the close batcher. */
export const sessionCloseJob = defineJob({
  name: 'session-close',
  queue: JOB_DEFINITIONS['session-close'].queue,
  schema: JOB_DEFINITIONS['session-close'].schema,
  handle: (payload, context) => context.closer.close(payload),
});
