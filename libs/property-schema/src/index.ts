export { ZPropertyScope, PROPERTY_SCOPES, PROPERTY_KEY_PREFIXES, propertyKeyPrefixOf, isEventScoped, isSessionScoped } from './property-scope';
export type { TPropertyScope } from './property-scope';
export { ZPropertyKey, validatePropertyKey, MAX_QUALIFIED_KEY_LENGTH } from './property-key';
export type { TPropertyKey } from './property-key';
export { ZDataType, DATA_TYPES, isNumericType } from './data-type';
export type { TDataType } from './data-type';
export { ZSessionAggregation, SESSION_AGGREGATIONS, DEFAULT_SESSION_AGGREGATION, validateSessionAggregation } from './session-aggregation';
export type { TSessionAggregation } from './session-aggregation';
export { ZCaptureSource, CAPTURE_SOURCES, SERVER_ATTRIBUTE_HEADER_PREFIX, validateCaptureSource, serverAttributeHeaderOf } from './capture-source';
export type { TCaptureSource } from './capture-source';
export { parseJsVariablePath, tryParseJsVariablePath } from './js-variable-path';
export type { TJsVariableSegment, TJsVariablePathResult } from './js-variable-path';
export { compileCleanupRule, validateCleanupRule } from './cleanup-rule';
export {
  ZPropertyDefinitionInput,
  ZPropertyDefinitionUpdate,
  ZPropertyDefinition,
  MAX_STRING_LENGTH,
  validateDefinitionRules,
  mergeDefinitionUpdate,
} from './property-definition';
export type {
  TPropertyDefinitionInput,
  TPropertyDefinitionInputRaw,
  TPropertyDefinitionUpdate,
  TPropertyDefinitionUpdateRaw,
  TPropertyDefinition,
  TDefinitionUpdateResult,
} from './property-definition';
export { checkDefinitionAgainstExisting, computeQuotaUsage } from './definition-rules';
export type { TExistingDefinition, TCandidateDefinition, TQuotaBar, TQuotaUsage } from './definition-rules';
export { ZPropertyLimits, DEFAULT_PROPERTY_LIMITS } from './property-limits';
export type { TPropertyLimits } from './property-limits';
export { ZOrigin, ZAllowedOrigins, ANY_ORIGIN } from './allowed-origins';
export type { TAllowedOrigins } from './allowed-origins';
export { ZApplicationName, ZApplicationSettings, ZApplicationCreate, ZIpAnonymisation, DEFAULT_APPLICATION_SETTINGS } from './application-settings';
export type { TApplicationSettings, TApplicationSettingsRaw, TApplicationCreate, TApplicationCreateRaw, TIpAnonymisation } from './application-settings';
export { PROPERTY_PACKS } from './property-packs';
export type { TPropertyPack, TPackDefinition, TPropertyPackId } from './property-packs';
export { expandPack, findPropertyPack } from './expand-pack';
export type { TExpandPackOptions } from './expand-pack';
