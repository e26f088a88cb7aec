import type { PrismaClient } from '@trailmark/db';
import { defineProperty, getApplication } from '@trailmark/services';
import type { TPropertyDefinition } from '@trailmark/property-schema';
import type { TDefineFromDropRequest, TListDropsResponse } from './drops.types';

const UNDEFINED_KEY = 'undefined_key';

/** The collector's drop_counter rows for one application, split the way the console shows them. */
export async function listDrops(db: PrismaClient, applicationId: string): Promise<TListDropsResponse> {
  await getApplication(db, applicationId);
  const rows = await db.dropCounter.findMany({ where: { applicationId }, orderBy: [{ count: 'desc' }, { key: 'asc' }] });
  const view = (row: (typeof rows)[number]) => ({ key: row.key, count: Number(row.count), firstSeenAt: row.firstSeenAt, lastSeenAt: row.lastSeenAt });
  return {
    undefinedKeys: rows.filter((row) => row.reason === UNDEFINED_KEY).map(view),
    otherDrops: rows.filter((row) => row.reason !== UNDEFINED_KEY).map((row) => ({ ...view(row), reason: row.reason })),
  };
}

/**
 * The one-click "define it": defines the key as seen, then clears its undefined_key counter.
 * Collectors pick the definition up within a second, so a few late drops may still be counted.
 */
export async function defineFromDrop(db: PrismaClient, input: TDefineFromDropRequest): Promise<TPropertyDefinition> {
  const definition = await defineProperty(db, input.applicationId, { key: input.key, dataType: input.dataType, scope: input.scope });
  await db.dropCounter.deleteMany({ where: { applicationId: input.applicationId, key: input.key, reason: UNDEFINED_KEY } });
  return definition;
}
