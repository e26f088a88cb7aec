import { createDefinitionIndex, type TDefinitionIndex, type TPropertyDataType, type TPropertyScope } from '@trailmark/validation-rules';
import type { TIpAnonymisation } from './anonymise-ip';
import type { TQueryable } from './queryable';

/** One active definition as the SDK needs it to capture values (GET /api/v1/config/:app). */
export interface TCaptureDefinition {
  key: string;
  scope: TPropertyScope;
  dataType: TPropertyDataType;
  source: string;
  expression: string | null;
  caseInsensitive: boolean;
  maxLength: number | null;
  cleanupRule: string | null;
  honourDnt: boolean;
}

/** What the collector caches per application: its settings and the compiled definition index. */
export interface TAppConfig {
  applicationId: string;
  ingestKey: string;
  allowedOrigins: readonly string[];
  sessionTimeoutMs: number;
  maxSessionDurationMs: number;
  honourDnt: boolean;
  ipAnonymisation: TIpAnonymisation;
  configVersion: number;
  definitions: readonly TCaptureDefinition[];
  index: TDefinitionIndex;
}

interface TApplicationRow {
  id: string;
  ingest_key: string;
  allowed_origins: string[] | null;
  session_timeout_ms: number;
  max_session_duration_ms: number;
  honour_dnt: boolean;
  ip_anonymisation: TIpAnonymisation;
  config_version: number;
}

interface TDefinitionRow {
  key: string;
  scope: TPropertyScope;
  data_type: TPropertyDataType;
  source: string;
  expression: string | null;
  case_insensitive: boolean;
  max_length: number | null;
  cleanup_rule: string | null;
  honour_dnt: boolean;
}

const APPLICATION_COLUMNS = `id, ingest_key, allowed_origins, session_timeout_ms, max_session_duration_ms, honour_dnt,
  ip_anonymisation::text AS ip_anonymisation, config_version`;

const DEFINITIONS_SQL = `SELECT key, scope::text AS scope, data_type::text AS data_type, source::text AS source, expression,
  case_insensitive, max_length, cleanup_rule, honour_dnt
  FROM property_definition WHERE application_id = $1 AND retired_at IS NULL ORDER BY key`;

export async function loadAppConfig(db: TQueryable, by: 'id' | 'ingest_key', value: string): Promise<TAppConfig | null> {
  const apps = await db.query<TApplicationRow>(`SELECT ${APPLICATION_COLUMNS} FROM application WHERE ${by} = $1`, [value]);
  const app = apps.rows[0];
  if (!app) return null;
  const definitions = (await db.query<TDefinitionRow>(DEFINITIONS_SQL, [app.id])).rows.map(toCaptureDefinition);
  return {
    applicationId: app.id,
    ingestKey: app.ingest_key,
    allowedOrigins: app.allowed_origins ?? [],
    sessionTimeoutMs: app.session_timeout_ms,
    maxSessionDurationMs: app.max_session_duration_ms,
    honourDnt: app.honour_dnt,
    ipAnonymisation: app.ip_anonymisation,
    configVersion: app.config_version,
    definitions,
    index: createDefinitionIndex(definitions),
  };
}

function toCaptureDefinition(row: TDefinitionRow): TCaptureDefinition {
  return {
    key: row.key,
    scope: row.scope,
    dataType: row.data_type,
    source: row.source,
    expression: row.expression,
    caseInsensitive: row.case_insensitive,
    maxLength: row.max_length,
    cleanupRule: row.cleanup_rule,
    honourDnt: row.honour_dnt,
  };
}

/** The cheap per-second freshness check: one primary-key lookup. */
export async function readConfigStamp(db: TQueryable, applicationId: string): Promise<{ configVersion: number; ingestKey: string } | null> {
  const result = await db.query<{ config_version: number; ingest_key: string }>('SELECT config_version, ingest_key FROM application WHERE id = $1', [applicationId]);
  const row = result.rows[0];
  return row ? { configVersion: row.config_version, ingestKey: row.ingest_key } : null;
}
