export { SIGNATURE_HEADER, DEFAULT_TOLERANCE_SECONDS, signPayload, verifySignature } from './signature';
export type { TVerifyInput } from './signature';
export { EXPORT_DELIVERY_QUEUE, ZExportDeliveryJob, DEFAULT_DELIVERY_POLICY, deliveryJobId } from './delivery-queue';
export type { TExportDeliveryJob, TDeliveryPolicy } from './delivery-queue';
export { postWebhook } from './post-webhook';
export type { TPostResult } from './post-webhook';
export { deliverExport, claimPendingDeliveries } from './deliver-export';
export type { TDeliverOptions, TDeliverOutcome } from './deliver-export';
export {
  createExportStream,
  listExportStreams,
  updateExportStream,
  deleteExportStream,
  listDeliveries,
  replayDeadLetters,
} from './export-streams';
export {
  DELIVERY_STATUSES,
  ZExportStreamCreate,
  ZExportStreamUpdate,
  ZExportStreamView,
  ZExportStreamWithSecret,
  ZDeliveryListQuery,
  ZDeliveryView,
  ZDeliveryPage,
  ZReplayRequest,
} from './export-views';
export type {
  TExportStreamCreate,
  TExportStreamUpdate,
  TExportStreamView,
  TExportStreamWithSecret,
  TDeliveryListQuery,
  TDeliveryView,
  TDeliveryPage,
  TReplayRequest,
} from './export-views';
