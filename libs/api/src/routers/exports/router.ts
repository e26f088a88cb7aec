import type { TRPCRouterRecord } from '@trpc/server';
import { createStreamRoute } from './create-stream';
import { deleteStreamRoute } from './delete-stream';
import { listDeliveriesRoute } from './list-deliveries';
import { listStreamsRoute } from './list-streams';
import { replayDeadLettersRoute } from './replay-dead-letters';
import { updateStreamRoute } from './update-stream';

export const exportsRouter = {
  createStream: createStreamRoute,
  listStreams: listStreamsRoute,
  updateStream: updateStreamRoute,
  deleteStream: deleteStreamRoute,
  listDeliveries: listDeliveriesRoute,
  replayDeadLetters: replayDeadLettersRoute,
} satisfies TRPCRouterRecord;
