import { exportDeliveryJob } from './export-delivery';
import type { TJobDefinition } from './job-definition';
import { sessionCloseJob } from './session-close';

/** Every job the worker runs, in one place. */
export const WORKER_JOBS: readonly TJobDefinition[] = [sessionCloseJob, exportDeliveryJob];
