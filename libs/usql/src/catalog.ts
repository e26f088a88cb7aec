/**
 * The semantic catalog: USQL's tables and fields (USQL.md §4) mapped onto the storage columns of
 * docs/storage.md. Identifiers in generated SQL come only from here, never from query text.
 */
export type TUsqlTable = 'usersession' | 'useraction' | 'userevent' | 'usererror';
export type TChildTable = Exclude<TUsqlTable, 'usersession'>;
export type TScalarType = 'string' | 'long' | 'double' | 'boolean' | 'date';
export type TColumnType = TScalarType | 'array' | 'json';
export type TPropertyDataType = TScalarType;

/** A field that is not a column but a fixed test on one (e.g. `hasError` = errors > 0). */
export interface TDerivedField {
  column: string;
  op: '>' | '<=';
  value: number;
}

export interface TFieldDefinition {
  name: string;
  type: TScalarType;
  column?: string;
  derived?: TDerivedField;
  /** Known values, offered by completion. */
  values?: readonly string[];
  description?: string;
}

export interface TTableDefinition {
  name: TUsqlTable;
  storageTable: string;
  fields: readonly TFieldDefinition[];
  /** Whether rows carry a `properties` jsonb, and which definition scopes live there. */
  propertyScopes: readonly ('event' | 'session' | 'both')[];
}

const f = (name: string, type: TScalarType, column: string, extra: Partial<TFieldDefinition> = {}): TFieldDefinition => ({
  name,
  type,
  column,
  ...extra,
});

const SESSION_FIELDS: readonly TFieldDefinition[] = [
  f('userSessionId', 'string', 'session_id'),
  f('instanceId', 'string', 'instance_id'),
  f('userId', 'string', 'user_tag', { description: 'the user tag' }),
  f('applicationId', 'string', 'application_id'),
  f('startTime', 'date', 'start_time'),
  f('endTime', 'date', 'end_time'),
  f('duration', 'long', 'duration', { description: 'ms' }),
  f('endReason', 'string', 'end_reason', { values: ['timeout', 'duration_limit', 'api', 'user_change'] }),
  f('userActionCount', 'long', 'user_action_count'),
  f('navigationCount', 'long', 'navigation_count'),
  f('requestCount', 'long', 'request_count'),
  f('userInteractionCount', 'long', 'user_interaction_count'),
  f('pageSummaryCount', 'long', 'page_summary_count'),
  f('viewSummaryCount', 'long', 'view_summary_count'),
  f('totalErrorCount', 'long', 'error_count'),
  f('jsErrorCount', 'long', 'error_js_count'),
  f('httpErrorCount4xx', 'long', 'error_http_4xx_count'),
  f('httpErrorCount5xx', 'long', 'error_http_5xx_count'),
  f('cspViolationCount', 'long', 'error_csp_violation_count'),
  { name: 'hasError', type: 'boolean', derived: { column: 'error_count', op: '>', value: 0 } },
  { name: 'bounce', type: 'boolean', derived: { column: 'user_action_count', op: '<=', value: 1 }, description: '≤ 1 user action' },
  f('hasSessionReplay', 'boolean', 'has_replay'),
  f('isInvalid', 'boolean', 'is_invalid'),
  f('userType', 'string', 'user_type', { values: ['REAL_USER', 'ROBOT'] }),
  f('browserFamily', 'string', 'browser_name'),
  f('browserMajorVersion', 'string', 'browser_major_version'),
  f('osFamily', 'string', 'os_name'),
  f('osVersion', 'string', 'os_version'),
  f('device', 'string', 'device_type', { values: ['desktop', 'mobile', 'tablet'] }),
  f('manufacturer', 'string', 'device_manufacturer'),
  f('model', 'string', 'device_model'),
  f('country', 'string', 'country', { description: 'ISO code' }),
  f('isp', 'string', 'client_isp'),
  f('ip', 'string', 'client_ip'),
  f('screenWidth', 'long', 'screen_width'),
  f('screenHeight', 'long', 'screen_height'),
  f('windowWidth', 'long', 'window_width'),
  f('windowHeight', 'long', 'window_height'),
];

const ACTION_FIELDS: readonly TFieldDefinition[] = [
  f('name', 'string', 'name'),
  f('type', 'string', 'type', { values: ['Load', 'Xhr', 'Custom'] }),
  f('targetUrl', 'string', 'target_url'),
  f('domain', 'string', 'domain'),
  f('apdexCategory', 'string', 'apdex_category', { values: ['SATISFIED', 'TOLERATING', 'FRUSTRATED'] }),
  f('startTime', 'date', 'start_time'),
  f('endTime', 'date', 'end_time'),
  f('duration', 'long', 'duration'),
  f('requestCount', 'long', 'request_count'),
  f('requestErrorCount', 'long', 'request_error_count'),
  f('javascriptErrorCount', 'long', 'javascript_error_count'),
  f('largestContentfulPaint', 'double', 'largest_contentful_paint'),
  f('cumulativeLayoutShift', 'double', 'cumulative_layout_shift'),
  f('interactionToNextPaint', 'double', 'interaction_to_next_paint'),
  f('timeToFirstByte', 'double', 'time_to_first_byte'),
  f('domContentLoadedTime', 'double', 'dom_content_loaded_time'),
  f('loadEventEnd', 'double', 'load_event_end'),
];

const EVENT_FIELDS: readonly TFieldDefinition[] = [
  f('name', 'string', 'name'),
  f('type', 'string', 'type', { values: ['PageChange', 'Click', 'Tap', 'KeyPress', 'Scroll', 'UserTag'] }),
  f('page', 'string', 'page'),
  f('pageReferrer', 'string', 'page_referrer'),
  f('startTime', 'date', 'start_time'),
];

const ERROR_FIELDS: readonly TFieldDefinition[] = [
  f('name', 'string', 'name', { description: 'message' }),
  f('type', 'string', 'type', { values: ['Error', 'HttpError', 'CspViolation'] }),
  f('status', 'long', 'status'),
  f('page', 'string', 'page'),
  f('startTime', 'date', 'start_time'),
];

export const TABLES: Readonly<Record<TUsqlTable, TTableDefinition>> = {
  usersession: { name: 'usersession', storageTable: 'session', fields: SESSION_FIELDS, propertyScopes: ['session', 'both'] },
  useraction: { name: 'useraction', storageTable: 'user_action', fields: ACTION_FIELDS, propertyScopes: ['event', 'both'] },
  userevent: { name: 'userevent', storageTable: 'user_event', fields: EVENT_FIELDS, propertyScopes: [] },
  usererror: { name: 'usererror', storageTable: 'user_error', fields: ERROR_FIELDS, propertyScopes: [] },
};

export const TABLE_NAMES = Object.keys(TABLES) as TUsqlTable[];

export function findTable(name: string): TTableDefinition | undefined {
  return TABLES[name.toLowerCase() as TUsqlTable];
}

export function findField(table: TUsqlTable, name: string): TFieldDefinition | undefined {
  const lower = name.toLowerCase();
  return TABLES[table].fields.find((field) => field.name.toLowerCase() === lower);
}

export const PROPERTY_NAMESPACES: Readonly<Record<string, TPropertyDataType>> = {
  stringproperties: 'string',
  longproperties: 'long',
  doubleproperties: 'double',
  dateproperties: 'date',
  booleanproperties: 'boolean',
};

export function propertyNamespaceOf(type: TPropertyDataType): string {
  return `${type}Properties`;
}

export interface TFunctionInfo {
  name: string;
  signature: string;
  aggregate: boolean;
  description: string;
}

export const FUNCTIONS: readonly TFunctionInfo[] = [
  { name: 'COUNT', signature: 'COUNT(*) | COUNT(f) | COUNT(DISTINCT f)', aggregate: true, description: 'rows, non-null values or distinct values' },
  { name: 'SUM', signature: 'SUM(f)', aggregate: true, description: 'sum of a number' },
  { name: 'AVG', signature: 'AVG(f)', aggregate: true, description: 'average of a number or date' },
  { name: 'MIN', signature: 'MIN(f)', aggregate: true, description: 'smallest value' },
  { name: 'MAX', signature: 'MAX(f)', aggregate: true, description: 'largest value' },
  { name: 'MEDIAN', signature: 'MEDIAN(f)', aggregate: true, description: 'interpolated median (percentile_cont 0.5)' },
  { name: 'PERCENTILE', signature: 'PERCENTILE(f, p)', aggregate: true, description: 'interpolated p-th percentile, p in 0..100' },
  { name: 'CONDITION', signature: 'CONDITION(agg, WHERE condition)', aggregate: true, description: 'an aggregate over the matching rows only' },
  { name: 'TOP', signature: 'TOP(f [, n])', aggregate: false, description: 'the n most frequent values' },
  { name: 'YEAR', signature: 'YEAR(date)', aggregate: false, description: 'year' },
  { name: 'MONTH', signature: 'MONTH(date)', aggregate: false, description: 'month 1-12' },
  { name: 'DAY', signature: 'DAY(date)', aggregate: false, description: 'day of month 1-31' },
  { name: 'HOUR', signature: 'HOUR(date)', aggregate: false, description: 'hour 0-23' },
  { name: 'MINUTE', signature: 'MINUTE(date)', aggregate: false, description: 'minute 0-59' },
  { name: 'DATETIME', signature: "DATETIME(date [, 'yyyy-MM-dd HH:mm' [, '5m']])", aggregate: false, description: 'formatted, optionally bucketed date' },
  { name: 'KEYS', signature: 'KEYS(<type>Properties)', aggregate: false, description: 'the property keys present' },
  { name: 'FUNNEL', signature: 'FUNNEL(condition [AS "label"], ...)', aggregate: true, description: 'sessions matching steps 1..k' },
  { name: 'DURATION', signature: 'DURATION("2h")', aggregate: false, description: 'a duration (y q M w d h m s)' },
];

export const FUNCTION_NAMES: ReadonlySet<string> = new Set(FUNCTIONS.map((fn) => fn.name));

export const KEYWORDS: ReadonlySet<string> = new Set([
  'SELECT', 'DISTINCT', 'FROM', 'WHERE', 'GROUP', 'BY', 'ORDER', 'ASC', 'DESC', 'LIMIT', 'AND', 'OR', 'NOT',
  'IN', 'IS', 'NULL', 'TRUE', 'FALSE', 'BETWEEN', 'LIKE', 'STARTSWITH', 'AS', 'FILTER', 'MOD', 'JSON',
]);

export const VARIABLES: readonly string[] = ['$NOW', '$TIME_FRAME_START', '$TIME_FRAME_END'];
