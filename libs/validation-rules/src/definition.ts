export const PROPERTY_SCOPES = ['event', 'session', 'both'] as const;
export type TPropertyScope = (typeof PROPERTY_SCOPES)[number];

export const PROPERTY_DATA_TYPES = ['string', 'long', 'double', 'boolean', 'date'] as const;
export type TPropertyDataType = (typeof PROPERTY_DATA_TYPES)[number];

/**
 * The part of a property definition the ingest rules need. Structural on purpose: any stored
 * or parsed definition that has these fields fits, so this lib does not depend on property-schema.
 */
export interface TPropertyDefinitionLike {
  key: string;
  scope: TPropertyScope;
  dataType: TPropertyDataType;
  caseInsensitive: boolean;
  /** Strings only; 1..1000, default 1000. */
  maxLength?: number | null;
  cleanupRule: string | null;
  honourDnt: boolean;
}

export const DEFAULT_MAX_LENGTH = 1000;
export const MAX_STRING_LENGTH = 1000;
