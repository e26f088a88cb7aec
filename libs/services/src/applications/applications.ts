import type { Application, PrismaClient } from '@trailmark/db';
import { TrailmarkError } from '@trailmark/errors';
import { z } from 'zod';
import { ZAllowedOrigins, ZApplicationCreate, ZApplicationName, ZApplicationSettings, ZPropertyLimits } from '@trailmark/property-schema';
import type { TApplicationCreateRaw, TApplicationSettings } from '@trailmark/property-schema';
import { parseInput } from '../parse-input';
import { generateSecret } from '../secrets';

const INGEST_KEY_PREFIX = 'tmk_';

export function generateIngestKey(): string {
  return generateSecret(INGEST_KEY_PREFIX);
}

export async function createApplication(db: PrismaClient, input: TApplicationCreateRaw): Promise<Application> {
  const data = parseInput(ZApplicationCreate, input);
  return db.application.create({ data: { name: data.name, allowedOrigins: data.allowedOrigins, ...data.settings, ingestKey: generateIngestKey() } });
}

export function listApplications(db: PrismaClient, ids?: readonly string[]): Promise<Application[]> {
  return db.application.findMany({ where: ids ? { id: { in: [...ids] } } : {}, orderBy: { createdAt: 'asc' } });
}

export async function getApplication(db: Pick<PrismaClient, 'application'>, id: string): Promise<Application> {
  const app = await db.application.findUnique({ where: { id } });
  if (!app) throw new TrailmarkError('NOT_FOUND', `no application ${id}`, { issues: [{ path: 'applicationId', rule: 'exists', message: `no application ${id}` }] });
  return app;
}

export function settingsOf(app: Application): TApplicationSettings {
  return {
    sessionTimeoutMs: app.sessionTimeoutMs,
    maxSessionDurationMs: app.maxSessionDurationMs,
    honourDnt: app.honourDnt,
    ipAnonymisation: app.ipAnonymisation,
    retentionDays: app.retentionDays,
    apdexThresholdMs: app.apdexThresholdMs,
  };
}

export const ZApplicationUpdate = z.strictObject({
  name: ZApplicationName.optional(),
  allowedOrigins: ZAllowedOrigins.optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});
export type TApplicationUpdate = z.input<typeof ZApplicationUpdate>;

/** Settings are validated merged with the current ones, so a patch of one field can't break a cross-field rule. */
export async function updateApplication(db: PrismaClient, id: string, rawPatch: unknown): Promise<Application> {
  const patch = parseInput(ZApplicationUpdate, rawPatch);
  return db.$transaction(async (tx) => {
    const current = await getApplication(tx, id);
    const settings = parseInput(ZApplicationSettings, { ...settingsOf(current), ...patch.settings }, 'settings.');
    const data = { ...(patch.name === undefined ? {} : { name: patch.name }), ...(patch.allowedOrigins === undefined ? {} : { allowedOrigins: patch.allowedOrigins }), ...settings };
    return tx.application.update({ where: { id }, data: { ...data, configVersion: { increment: 1 } } });
  });
}

export async function updatePropertyLimits(db: PrismaClient, id: string, patch: unknown): Promise<Application> {
  return db.$transaction(async (tx) => {
    const current = await getApplication(tx, id);
    const base = { maxProperties: current.maxProperties, maxEventProperties: current.maxEventProperties, freeTierProperties: current.freeTierProperties };
    const limits = parseInput(ZPropertyLimits, { ...base, ...(typeof patch === 'object' && patch !== null ? patch : {}) });
    return tx.application.update({ where: { id }, data: limits });
  });
}

export async function rotateIngestKey(db: PrismaClient, id: string): Promise<Application> {
  await getApplication(db, id);
  return db.application.update({ where: { id }, data: { ingestKey: generateIngestKey(), configVersion: { increment: 1 } } });
}

/** The tag a team pastes into its pages (SPEC §8); values are attribute-escaped. */
export function sdkSnippetFor(app: Pick<Application, 'id' | 'ingestKey'>, collectorUrl: string): string {
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const base = collectorUrl.replace(/\/+$/, '');
  return `<script src="${attr(base)}/rum.js" data-app="${attr(app.id)}" data-key="${attr(app.ingestKey)}" async></script>`;
}
