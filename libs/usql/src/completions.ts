import { FUNCTIONS, KEYWORDS, TABLES, TABLE_NAMES, VARIABLES, propertyNamespaceOf, type TScalarType, type TUsqlTable } from './catalog';
import type { TUsqlPropertyDefinition } from './property-definition';

export interface TUsqlCompletions {
  tables: Array<{
    name: TUsqlTable;
    fields: Array<{ name: string; type: TScalarType; values?: readonly string[]; description?: string }>;
    /** Property completions as they are written on this table, unprefixed and prefixed. */
    properties: Array<{ key: string; type: TScalarType; scope: TUsqlPropertyDefinition['scope']; insertText: string; prefixedText: string }>;
  }>;
  functions: Array<{ name: string; signature: string; aggregate: boolean; description: string }>;
  keywords: string[];
  variables: string[];
  propertyNamespaces: string[];
}

/** Everything the console's editor offers while typing USQL, for the given property definitions. */
export function listUsqlCompletions(definitions: readonly TUsqlPropertyDefinition[]): TUsqlCompletions {
  return {
    tables: TABLE_NAMES.map((name) => {
      const table = TABLES[name];
      return {
        name,
        fields: table.fields.map((field) => ({
          name: field.name,
          type: field.type,
          ...(field.values ? { values: field.values } : {}),
          ...(field.description ? { description: field.description } : {}),
        })),
        properties: definitions
          .filter((d) => table.propertyScopes.includes(d.scope))
          .map((d) => ({
            key: d.key,
            type: d.dataType,
            scope: d.scope,
            insertText: `${propertyNamespaceOf(d.dataType)}.${d.key}`,
            prefixedText: `${name}.${propertyNamespaceOf(d.dataType)}.${d.key}`,
          })),
      };
    }),
    functions: FUNCTIONS.map((fn) => ({ ...fn })),
    keywords: [...KEYWORDS],
    variables: [...VARIABLES],
    propertyNamespaces: (['string', 'long', 'double', 'date', 'boolean'] as const).map(propertyNamespaceOf),
  };
}
