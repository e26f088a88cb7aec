import type { PrismaClient } from '@trailmark/db';
import { TrailmarkError } from '@trailmark/errors';
import type { TUsqlPropertyDefinition } from '@trailmark/usql';
import type { TUsqlCaller } from './usql-request';

type TScopeDb = Pick<PrismaClient, 'application' | 'propertyDefinition'>;

/**
 * The applications a query may read: those the caller may see that exist, narrowed to
 * `applicationId` when given. Asking for one outside the caller's grant is FORBIDDEN, whether
 * or not it exists (no probing for other tenants' ids).
 */
export async function resolveApplicationScope(db: TScopeDb, caller: TUsqlCaller, applicationId: string | undefined): Promise<string[]> {
  const granted = caller.applicationIds.length > 0 ? { id: { in: [...caller.applicationIds] } } : {};
  const visible = await db.application.findMany({ where: granted, select: { id: true }, orderBy: { createdAt: 'asc' } });
  const ids = visible.map((app) => app.id);
  if (applicationId !== undefined) {
    if (!ids.includes(applicationId)) {
      throw new TrailmarkError('FORBIDDEN', `this token may not read application ${applicationId}`, {
        issues: [{ path: 'applicationId', rule: 'granted', message: 'not among the applications this token may read' }],
      });
    }
    return [applicationId];
  }
  if (ids.length === 0) throw new TrailmarkError('FORBIDDEN', 'this token may not read any application');
  return ids;
}

export interface TScopeDefinitions {
  definitions: TUsqlPropertyDefinition[];
  explanations: string[];
}

const mergeScopes = (a: TUsqlPropertyDefinition['scope'], b: TUsqlPropertyDefinition['scope']): TUsqlPropertyDefinition['scope'] => (a === b ? a : 'both');

/**
 * The property definitions of the applications in scope, merged by key (ignoring case, as USQL
 * resolves names). A key defined with different types in two applications is left out — the
 * query must pick one `applicationId` to use it — and the explanations say so.
 */
export async function loadScopeDefinitions(db: TScopeDb, applicationIds: readonly string[]): Promise<TScopeDefinitions> {
  const rows = await db.propertyDefinition.findMany({
    where: { applicationId: { in: [...applicationIds] }, retiredAt: null },
    select: { key: true, keyLower: true, scope: true, dataType: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const merged = new Map<string, TUsqlPropertyDefinition | 'conflict'>();
  for (const row of rows) {
    const existing = merged.get(row.keyLower);
    if (existing === 'conflict') continue;
    if (!existing) {
      merged.set(row.keyLower, { key: row.key, scope: row.scope, dataType: row.dataType });
    } else if (existing.dataType !== row.dataType) {
      merged.set(row.keyLower, 'conflict');
    } else {
      merged.set(row.keyLower, { ...existing, scope: mergeScopes(existing.scope, row.scope) });
    }
  }
  const definitions: TUsqlPropertyDefinition[] = [];
  const conflicts: string[] = [];
  for (const [keyLower, value] of merged) {
    if (value === 'conflict') conflicts.push(keyLower);
    else definitions.push(value);
  }
  return {
    definitions,
    explanations: conflicts.length > 0 ? [`properties with different types across applications (give applicationId to use them): ${conflicts.join(', ')}`] : [],
  };
}
