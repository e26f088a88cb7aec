import {
  DEFAULT_MAX_LENGTH,
  MAX_STRING_LENGTH,
  type TPropertyDataType,
  type TPropertyDefinitionLike,
  type TPropertyScope,
} from './definition';

/** A definition prepared for the hot path: regex compiled, max length resolved. */
export interface TCompiledDefinition {
  readonly key: string;
  readonly scope: TPropertyScope;
  readonly dataType: TPropertyDataType;
  readonly honourDnt: boolean;
  readonly maxLength: number;
  readonly cleanup: RegExp | null;
}

export interface TDefinitionIndex {
  readonly byKey: ReadonlyMap<string, TCompiledDefinition>;
  /** Only case-insensitive definitions, by lower-cased key. */
  readonly byLowerKey: ReadonlyMap<string, TCompiledDefinition>;
  /** Keys whose cleanup rule does not compile; their values are all dropped as cleanup_no_match. */
  readonly brokenCleanupKeys: readonly string[];
}

// Fails closed: a cleanup rule usually strips personal data, so a broken one must not let raw values through.
const NEVER_MATCHES = /(?!)/;

/** Compiles definitions once; the collector caches the result per application (config version). */
export function createDefinitionIndex(definitions: readonly TPropertyDefinitionLike[]): TDefinitionIndex {
  const byKey = new Map<string, TCompiledDefinition>();
  const byLowerKey = new Map<string, TCompiledDefinition>();
  const brokenCleanupKeys: string[] = [];
  for (const definition of definitions) {
    const cleanup = compileCleanup(definition.cleanupRule);
    if (cleanup === NEVER_MATCHES) brokenCleanupKeys.push(definition.key);
    const compiled: TCompiledDefinition = {
      key: definition.key,
      scope: definition.scope,
      dataType: definition.dataType,
      honourDnt: definition.honourDnt,
      maxLength: resolveMaxLength(definition.maxLength),
      cleanup,
    };
    if (!byKey.has(compiled.key)) byKey.set(compiled.key, compiled);
    const lower = compiled.key.toLowerCase();
    if (definition.caseInsensitive && !byLowerKey.has(lower)) byLowerKey.set(lower, compiled);
  }
  return { byKey, byLowerKey, brokenCleanupKeys };
}

/** Exact key first; otherwise a case-insensitive definition matching the key ignoring case. */
export function findDefinition(index: TDefinitionIndex, key: string): TCompiledDefinition | undefined {
  const exact = index.byKey.get(key);
  if (exact !== undefined || index.byLowerKey.size === 0) return exact;
  return index.byLowerKey.get(key.toLowerCase());
}

function compileCleanup(rule: string | null): RegExp | null {
  if (rule === null || rule === '') return null;
  try {
    return new RegExp(rule);
  } catch {
    return NEVER_MATCHES;
  }
}

function resolveMaxLength(maxLength: number | null | undefined): number {
  if (typeof maxLength !== 'number' || !Number.isFinite(maxLength) || maxLength < 1) return DEFAULT_MAX_LENGTH;
  return Math.min(Math.floor(maxLength), MAX_STRING_LENGTH);
}
