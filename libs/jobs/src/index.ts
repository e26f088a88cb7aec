export { DEFAULT_QUEUE_PREFIX, END_REASONS, ZEndReason, ZSessionCloseJob, JOB_DEFINITIONS, sessionCloseJobId } from './definitions';
export type { TEndReason, TSessionCloseJob, TJobName, TJobPayload } from './definitions';
export { createJobProducer } from './producer';
export type { TJobProducer, TEnqueueOptions } from './producer';
