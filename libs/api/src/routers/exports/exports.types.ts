import { z } from 'zod';
import {
  ZDeliveryListQuery,
  ZDeliveryPage,
  ZExportStreamCreate,
  ZExportStreamUpdate,
  ZExportStreamView,
  ZExportStreamWithSecret,
  ZReplayRequest,
} from '@trailmark/exports';

export const ZCreateStreamRequest = ZExportStreamCreate;
export const ZCreateStreamResponse = ZExportStreamWithSecret;
export const ZListStreamsRequest = z.object({ applicationId: z.string().min(1).optional() });
export const ZListStreamsResponse = z.array(ZExportStreamView);
export const ZUpdateStreamRequest = ZExportStreamUpdate;
export const ZUpdateStreamResponse = ZExportStreamView.extend({ secret: z.string().optional() });
export const ZDeleteStreamRequest = z.object({ id: z.string().min(1) });
export const ZDeleteStreamResponse = z.object({ deleted: z.literal(true) });
export const ZListDeliveriesRequest = ZDeliveryListQuery;
export const ZListDeliveriesResponse = ZDeliveryPage;
export const ZReplayDeadLettersRequest = ZReplayRequest;
export const ZReplayDeadLettersResponse = z.object({ replayed: z.int().nonnegative() });
