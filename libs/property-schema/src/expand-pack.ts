import { toFieldIssues, TrailmarkError, type TFieldIssue } from '@trailmark/errors';
import { PROPERTY_PACKS, type TPackDefinition, type TPropertyPack } from './property-packs';
import { ZPropertyDefinitionInput, type TPropertyDefinitionInput } from './property-definition';
import { isSessionScoped, type TPropertyScope } from './property-scope';

export interface TExpandPackOptions {
  /** Which pack keys to add; all when omitted. */
  keys?: readonly string[];
  /** One scope for all, one per key, or omitted for each entry's suggested scope. */
  scope?: TPropertyScope | Readonly<Record<string, TPropertyScope>>;
}

export function findPropertyPack(packId: string): TPropertyPack | undefined {
  return (PROPERTY_PACKS as readonly TPropertyPack[]).find((pack) => pack.id === packId);
}

function scopeFor(entry: TPackDefinition, scope: TExpandPackOptions['scope']): TPropertyScope {
  if (typeof scope === 'string') return scope;
  return scope?.[entry.key] ?? entry.suggestedScope;
}

function selectEntries(pack: TPropertyPack, keys: readonly string[] | undefined): TPackDefinition[] {
  if (keys === undefined) return [...pack.definitions];
  const unknown: TFieldIssue[] = keys.flatMap((key, index) =>
    pack.definitions.some((entry) => entry.key === key) ? [] : [{ path: `keys.${index}`, rule: 'pack_key_unknown', message: `pack ${pack.id} has no property \`${key}\`` }],
  );
  if (unknown.length > 0) throw new TrailmarkError('VALIDATION', `unknown keys for pack ${pack.id}`, { issues: unknown });
  return pack.definitions.filter((entry) => keys.includes(entry.key));
}

function toInput(entry: TPackDefinition, scope: TPropertyScope): TPropertyDefinitionInput {
  const { suggestedScope: _suggested, sessionAggregation, ...definition } = entry;
  // An aggregation only means something on a session; drop it when the user picks event scope.
  const raw = { ...definition, scope, sessionAggregation: isSessionScoped(scope) ? sessionAggregation : undefined };
  const result = ZPropertyDefinitionInput.safeParse(raw);
  if (result.success) return result.data;
  throw new TrailmarkError('INTERNAL', `pack property ${entry.key} is invalid`, { issues: toFieldIssues(result.error.issues) });
}

/** The definition inputs to create for the picked entries of a pack (SPEC §4.3). */
export function expandPack(packId: string, options: TExpandPackOptions = {}): TPropertyDefinitionInput[] {
  const pack = findPropertyPack(packId);
  if (!pack) throw new TrailmarkError('NOT_FOUND', `no property pack ${packId}; known packs: ${PROPERTY_PACKS.map((p) => p.id).join(', ')}`);
  return selectEntries(pack, options.keys).map((entry) => toInput(entry, scopeFor(entry, options.scope)));
}
