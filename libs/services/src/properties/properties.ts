import type { Prisma, PrismaClient, PropertyDefinition as TPropertyRow } from '@trailmark/db';
import { TrailmarkError } from '@trailmark/errors';
import type { TFieldIssue } from '@trailmark/errors';
import {
  ZPropertyDefinition,
  ZPropertyDefinitionInput,
  ZPropertyDefinitionUpdate,
  checkDefinitionAgainstExisting,
  computeQuotaUsage,
  expandPack,
  mergeDefinitionUpdate,
} from '@trailmark/property-schema';
import type { TPropertyDefinition, TPropertyDefinitionInput, TPropertyLimits, TPropertyScope, TQuotaUsage } from '@trailmark/property-schema';
import { getApplication } from '../applications/applications';
import { parseInput } from '../parse-input';

type TTx = Prisma.TransactionClient;

const DAY_MS = 24 * 60 * 60 * 1000;

export function toPropertyView(row: TPropertyRow): TPropertyDefinition {
  return ZPropertyDefinition.parse(row);
}

/** Serialises every change to one application's definitions, so limits hold under concurrency. */
async function lockApplication(tx: TTx, applicationId: string) {
  await tx.$queryRaw`SELECT id FROM application WHERE id = ${applicationId} FOR UPDATE`;
  return getApplication(tx, applicationId);
}

function limitsOf(app: { maxProperties: number; maxEventProperties: number; freeTierProperties: number }): TPropertyLimits {
  return { maxProperties: app.maxProperties, maxEventProperties: app.maxEventProperties, freeTierProperties: app.freeTierProperties };
}

function errorFor(issues: TFieldIssue[]): TrailmarkError {
  const rules = new Set(issues.map((issue) => issue.rule));
  const code = rules.has('max_properties') || rules.has('max_event_properties') ? 'LIMIT_EXCEEDED' : rules.has('key_taken') || rules.has('key_taken_ignoring_case') || rules.has('key_retired') ? 'CONFLICT' : 'VALIDATION';
  return new TrailmarkError(code, issues.map((issue) => issue.message).join('; '), { issues });
}

// USQL resolves names ignoring case, so two keys that differ only in case would be ambiguous there.
function caseOnlyClash(input: TPropertyDefinitionInput, existing: readonly TPropertyRow[]): TFieldIssue[] {
  const other = existing.find((row) => row.retiredAt === null && row.key !== input.key && row.keyLower === input.key.toLowerCase());
  if (!other) return [];
  return [{ path: 'key', rule: 'key_taken_ignoring_case', message: `key \`${input.key}\` differs from the existing \`${other.key}\` only in case; USQL names ignore case, so keys must too` }];
}

async function insertDefinition(tx: TTx, app: Awaited<ReturnType<typeof lockApplication>>, input: TPropertyDefinitionInput, existing: TPropertyRow[], now: Date, pathPrefix = '') {
  const issues = [...checkDefinitionAgainstExisting(input, existing, limitsOf(app), now, app.retentionDays), ...caseOnlyClash(input, existing)];
  if (issues.length > 0) throw errorFor(issues.map((issue) => ({ ...issue, path: `${pathPrefix}${issue.path}` })));
  // A retired key whose data has aged out is free again: its old row makes way.
  const expired = existing.find((row) => row.keyLower === input.key.toLowerCase() && row.retiredAt !== null && row.retiredAt.getTime() + app.retentionDays * DAY_MS <= now.getTime());
  if (expired) await tx.propertyDefinition.delete({ where: { id: expired.id } });
  return tx.propertyDefinition.create({ data: { ...input, applicationId: app.id, keyLower: input.key.toLowerCase() } });
}

async function bumpConfigVersion(tx: TTx, applicationId: string): Promise<void> {
  await tx.application.update({ where: { id: applicationId }, data: { configVersion: { increment: 1 } } });
}

export async function defineProperty(db: PrismaClient, applicationId: string, rawInput: unknown): Promise<TPropertyDefinition> {
  const input = parseInput(ZPropertyDefinitionInput, rawInput);
  const row = await db.$transaction(async (tx) => {
    const app = await lockApplication(tx, applicationId);
    const existing = await tx.propertyDefinition.findMany({ where: { applicationId } });
    const created = await insertDefinition(tx, app, input, existing, new Date());
    await bumpConfigVersion(tx, applicationId);
    return created;
  });
  return toPropertyView(row);
}

async function findDefinition(tx: TTx, applicationId: string, id: string): Promise<TPropertyRow> {
  const row = await tx.propertyDefinition.findFirst({ where: { id, applicationId } });
  if (!row) throw new TrailmarkError('NOT_FOUND', `no property ${id} in application ${applicationId}`);
  return row;
}

export async function updateProperty(db: PrismaClient, applicationId: string, id: string, rawPatch: unknown): Promise<TPropertyDefinition> {
  const patch = parseInput(ZPropertyDefinitionUpdate, rawPatch);
  const row = await db.$transaction(async (tx) => {
    await lockApplication(tx, applicationId);
    const current = await findDefinition(tx, applicationId, id);
    if (current.retiredAt) throw new TrailmarkError('CONFLICT', `property ${current.key} is retired and cannot be edited`);
    const merged = mergeDefinitionUpdate(toInputShape(current), patch);
    if (!merged.ok) throw errorFor(merged.issues);
    const { key: _key, scope: _scope, dataType: _dataType, ...changes } = merged.definition;
    const updated = await tx.propertyDefinition.update({ where: { id }, data: changes });
    await bumpConfigVersion(tx, applicationId);
    return updated;
  });
  return toPropertyView(row);
}

function toInputShape(row: TPropertyRow): TPropertyDefinitionInput {
  const { id: _id, applicationId: _app, keyLower: _lower, retiredAt: _retired, createdAt: _created, updatedAt: _updated, ...input } = row;
  return input as TPropertyDefinitionInput;
}

export async function retireProperty(db: PrismaClient, applicationId: string, id: string): Promise<TPropertyDefinition> {
  const row = await db.$transaction(async (tx) => {
    await lockApplication(tx, applicationId);
    const current = await findDefinition(tx, applicationId, id);
    if (current.retiredAt) return current;
    const retired = await tx.propertyDefinition.update({ where: { id }, data: { retiredAt: new Date() } });
    await bumpConfigVersion(tx, applicationId);
    return retired;
  });
  return toPropertyView(row);
}

export interface TPropertyList {
  definitions: TPropertyDefinition[];
  quota: TQuotaUsage;
  limits: TPropertyLimits;
}

export async function listProperties(db: PrismaClient, applicationId: string, options: { includeRetired?: boolean } = {}): Promise<TPropertyList> {
  const app = await getApplication(db, applicationId);
  const rows = await db.propertyDefinition.findMany({ where: { applicationId }, orderBy: [{ scope: 'asc' }, { key: 'asc' }] });
  const limits = limitsOf(app);
  const visible = options.includeRetired ? rows : rows.filter((row) => row.retiredAt === null);
  return { definitions: visible.map(toPropertyView), quota: computeQuotaUsage(rows, limits), limits };
}

/** Adds the picked entries of a pack in one transaction: all of them or none. */
export async function addPropertyPack(
  db: PrismaClient,
  applicationId: string,
  packId: string,
  options: { keys?: string[]; scope?: TPropertyScope },
): Promise<TPropertyDefinition[]> {
  const inputs = expandPack(packId, options);
  const rows = await db.$transaction(async (tx) => {
    const app = await lockApplication(tx, applicationId);
    const existing = await tx.propertyDefinition.findMany({ where: { applicationId } });
    const created: TPropertyRow[] = [];
    for (const [index, input] of inputs.entries()) {
      const row = await insertDefinition(tx, app, input, [...existing, ...created], new Date(), `definitions.${index}.`);
      created.push(row);
    }
    await bumpConfigVersion(tx, applicationId);
    return created;
  });
  return rows.map(toPropertyView);
}
