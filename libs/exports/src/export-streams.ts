import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@trailmark/db';
import { TrailmarkError } from '@trailmark/errors';
import {
  ZDeliveryListQuery,
  ZExportStreamCreate,
  ZExportStreamUpdate,
  ZReplayRequest,
  type TDeliveryListQuery,
  type TDeliveryPage,
  type TExportStreamCreate,
  type TExportStreamUpdate,
  type TExportStreamView,
  type TExportStreamWithSecret,
  type TReplayRequest,
} from './export-views';

type TStreamRecord = Awaited<ReturnType<PrismaClient['exportStream']['findFirstOrThrow']>>;

function generateSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

function toView(stream: TStreamRecord): TExportStreamView {
  const { secret, ...rest } = stream;
  return { ...rest, secretPrefix: secret.slice(0, 10) };
}

function notFound(what: string, id: string): TrailmarkError {
  return new TrailmarkError('NOT_FOUND', `no ${what} ${id}`);
}

export async function createExportStream(db: PrismaClient, input: TExportStreamCreate): Promise<TExportStreamWithSecret> {
  const data = ZExportStreamCreate.parse(input);
  const app = await db.application.findUnique({ where: { id: data.applicationId }, select: { id: true } });
  if (!app) throw notFound('application', data.applicationId);
  const stream = await db.exportStream.create({ data: { ...data, secret: data.secret ?? generateSecret() } });
  return { ...toView(stream), secret: stream.secret };
}

export async function listExportStreams(db: PrismaClient, applicationId?: string): Promise<TExportStreamView[]> {
  const streams = await db.exportStream.findMany({ where: applicationId ? { applicationId } : {}, orderBy: { createdAt: 'asc' } });
  return streams.map(toView);
}

/** Returns the new secret only when it was rotated. */
export async function updateExportStream(db: PrismaClient, input: TExportStreamUpdate): Promise<TExportStreamView & { secret?: string }> {
  const { id, patch } = ZExportStreamUpdate.parse(input);
  const { rotateSecret, ...fields } = patch;
  const existing = await db.exportStream.findUnique({ where: { id } });
  if (!existing) throw notFound('export stream', id);
  const stream = await db.exportStream.update({ where: { id }, data: { ...fields, ...(rotateSecret ? { secret: generateSecret() } : {}) } });
  return rotateSecret ? { ...toView(stream), secret: stream.secret } : toView(stream);
}

export async function deleteExportStream(db: PrismaClient, id: string): Promise<void> {
  const deleted = await db.exportStream.deleteMany({ where: { id } });
  if (deleted.count === 0) throw notFound('export stream', id);
}

/** The delivery log of a stream, newest first. */
export async function listDeliveries(db: PrismaClient, query: TDeliveryListQuery): Promise<TDeliveryPage> {
  const { streamId, status, cursor, limit } = ZDeliveryListQuery.parse(query);
  const rows = await db.exportDelivery.findMany({
    where: { streamId, ...(status ? { status } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, limit).map(({ enqueuedAt: _enqueuedAt, updatedAt: _updatedAt, ...row }) => row);
  return { items, nextCursor: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
}

/**
 * Puts dead letters back in the outbox: the worker picks them up within a second and they get
 * a full set of attempts again.
 */
export async function replayDeadLetters(db: PrismaClient, request: TReplayRequest): Promise<{ replayed: number }> {
  const parsed = ZReplayRequest.parse(request);
  const where = 'deliveryId' in parsed ? { id: parsed.deliveryId } : { streamId: parsed.streamId };
  const result = await db.exportDelivery.updateMany({
    where: { ...where, status: 'dead' },
    data: { status: 'pending', isDeadLetter: false, enqueuedAt: null, deadLetteredAt: null },
  });
  if (result.count === 0 && 'deliveryId' in parsed) throw new TrailmarkError('CONFLICT', `delivery ${parsed.deliveryId} is not a dead letter`);
  return { replayed: result.count };
}
