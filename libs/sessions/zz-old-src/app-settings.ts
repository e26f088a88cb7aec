import type { TSessionPropertyDefinition } from '@trailmark/semantic-model';
import type { TSqlReader } from './sql-reader';

export interface TAppSettings {
  sessionTimeoutMs: number;
  maxSessionDurationMs: number;
  apdexThresholdMs: number;
  definitions: TSessionPropertyDefinition[];
}

/** Settings and session-property definitions of the applications a close batch touches. */
export async function loadAppSettings(db: TSqlReader, applicationIds: readonly string[]): Promise<Map<string, TAppSettings>> {
  const settings = new Map<string, TAppSettings>();
  if (applicationIds.length === 0) return settings;
  const apps = await db.rows<{ id: string; session_timeout_ms: number; max_session_duration_ms: number; apdex_threshold_ms: number }>(
    'SELECT id, session_timeout_ms, max_session_duration_ms, apdex_threshold_ms FROM application WHERE id = ANY($1::text[])',
    [applicationIds],
  );
  for (const app of apps) {
    settings.set(app.id, {
      sessionTimeoutMs: app.session_timeout_ms,
      maxSessionDurationMs: app.max_session_duration_ms,
      apdexThresholdMs: app.apdex_threshold_ms,
      definitions: [],
    });
  }
  const definitions = await db.rows<{ application_id: string; key: string; data_type: TSessionPropertyDefinition['dataType']; session_aggregation: TSessionPropertyDefinition['sessionAggregation'] }>(
    `SELECT application_id, key, data_type::text AS data_type, session_aggregation::text AS session_aggregation
       FROM property_definition
      WHERE application_id = ANY($1::text[]) AND scope IN ('session', 'both') AND retired_at IS NULL`,
    [applicationIds],
  );
  for (const row of definitions) {
    settings.get(row.application_id)?.definitions.push({ key: row.key, dataType: row.data_type, sessionAggregation: row.session_aggregation });
  }
  return settings;
}

/** Used when an event's application was deleted: close with the documented defaults. */
export const DEFAULT_APP_SETTINGS: TAppSettings = {
  sessionTimeoutMs: 1_800_000,
  maxSessionDurationMs: 21_600_000,
  apdexThresholdMs: 3000,
  definitions: [],
};
