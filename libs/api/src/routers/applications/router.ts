import type { TRPCRouterRecord } from '@trpc/server';
import { createApplicationRoute } from './create-application';
import { getApplicationRoute } from './get-application';
import { listApplicationsRoute } from './list-applications';
import { rotateIngestKeyRoute } from './rotate-ingest-key';
import { updateApplicationRoute } from './update-application';
import { updateLimitsRoute } from './update-limits';

export const applicationsRouter = {
  create: createApplicationRoute,
  list: listApplicationsRoute,
  get: getApplicationRoute,
  update: updateApplicationRoute,
  updateLimits: updateLimitsRoute,
  rotateIngestKey: rotateIngestKeyRoute,
} satisfies TRPCRouterRecord;
