export { PROPERTY_SCOPES, PROPERTY_DATA_TYPES, DEFAULT_MAX_LENGTH, MAX_STRING_LENGTH } from './definition';
export type { TPropertyDefinitionLike, TPropertyScope, TPropertyDataType } from './definition';
export { createDefinitionIndex, findDefinition } from './definition-index';
export type { TDefinitionIndex, TCompiledDefinition } from './definition-index';
export { coerceValue, TYPE_MISMATCH } from './coerce-value';
export type { TPropertyValue, TCoerced } from './coerce-value';
export { parseIsoDate } from './parse-iso-date';
export { truncate, applyCleanup, NO_MATCH } from './clean-string';
export { validateProperties, DROP_REASONS } from './validate-properties';
export type {
  TDropReason,
  TPropertyDrop,
  TValidatedProperties,
  TPropertyTarget,
  TValidationContext,
} from './validate-properties';
