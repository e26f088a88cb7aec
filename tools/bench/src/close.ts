/**
 * npm run bench:close [-- --sessions N --events E --batch-size B --parallel P]
 * Generates N sessions of E events into a fresh database, closes them through the real close path
 * (closeExpiredSessions: what the sweeper and `sessions close-expired` run), then, on the same
 * events, the baseline: one hand-written INSERT … SELECT … GROUP BY into a scratch table.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createPgPool, dropDatabase, migrateDatabase, withDatabaseName } from '@trailmark/db';
import { closeExpiredSessions } from '@trailmark/sessions';
import { generateSessions, insertApplication } from '@trailmark/sessions/testing';
import type pg from 'pg';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '50000' },
    events: { type: 'string', default: '20' },
    'batch-size': { type: 'string', default: '500' },
    parallel: { type: 'string', default: '2' },
  },
});
const SESSIONS = Number(values.sessions);
const EVENTS = Number(values.events);
const BASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/trailmark';

const BASELINE_SQL = `
INSERT INTO session_baseline (application_id, session_id, instance_id, user_tag, start_time, end_time, duration, end_reason,
  navigation_count, page_summary_count, request_count, user_interaction_count, view_summary_count, user_action_count,
  error_count, error_http_4xx_count, error_http_5xx_count, error_csp_violation_count, error_js_count, is_invalid,
  screen_width, screen_height, window_width, window_height, country, client_ip)
SELECT e.application_id, e.session_id, min(e.instance_id), max(e.user_tag), min(e.ts), max(e.ts),
       (extract(epoch FROM max(e.ts) - min(e.ts)) * 1000)::bigint, 'timeout',
       count(*) FILTER (WHERE e.type = 'navigation'), count(*) FILTER (WHERE e.type = 'page_summary'),
       count(*) FILTER (WHERE e.type = 'request'), count(*) FILTER (WHERE e.type = 'user_interaction'),
       count(*) FILTER (WHERE e.type = 'view_summary'), count(*) FILTER (WHERE e.type = 'user_action'),
       count(*) FILTER (WHERE e.type = 'error'),
       count(*) FILTER (WHERE e.type = 'error' AND e.data->>'error_type' = 'http' AND (e.data->>'status')::numeric >= 400 AND (e.data->>'status')::numeric < 500),
       count(*) FILTER (WHERE e.type = 'error' AND e.data->>'error_type' = 'http' AND (e.data->>'status')::numeric >= 500 AND (e.data->>'status')::numeric < 600),
       count(*) FILTER (WHERE e.type = 'error' AND e.data->>'error_type' = 'csp'),
       count(*) FILTER (WHERE e.type = 'error' AND e.data->>'error_type' = 'js'),
       NOT bool_or(e.type IN ('user_action', 'navigation')) OR min(e.ts) < '2000-01-01'
         OR max(e.ts) > now() + interval '5 minutes' OR max(e.ts) - min(e.ts) > interval '6 hours 5 minutes',
       1920, 1080, 1280, 720, 'DE', '203.0.113.0'
  FROM event e WHERE NOT e.is_late
 GROUP BY e.application_id, e.session_id`;

const CORE_COLUMNS = ['start_time', 'end_time', 'duration', 'navigation_count', 'request_count', 'user_interaction_count', 'user_action_count', 'page_summary_count', 'error_count', 'error_js_count', 'is_invalid'];

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function countMismatches(pool: pg.Pool): Promise<number> {
  const differs = CORE_COLUMNS.map((column) => `s.${column} IS DISTINCT FROM b.${column}`).join(' OR ');
  const result = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM session s FULL JOIN session_baseline b USING (application_id, session_id) WHERE s.session_id IS NULL OR b.session_id IS NULL OR ${differs}`,
  );
  return Number(result.rows[0]?.n ?? 0);
}

async function main(): Promise<void> {
  const url = withDatabaseName(BASE_URL, `trailmark_bench_close_${randomBytes(4).toString('hex')}`);
  await migrateDatabase(url);
  const pool = createPgPool(url, { max: Number(values.parallel) + 1, applicationName: 'bench-close' });
  try {
    const app = await insertApplication(pool, { sessionTimeoutMs: 60_000 });
    const [, generateMs] = await timed(() => generateSessions(pool, { applicationId: app, sessions: SESSIONS, eventsPerSession: EVENTS, startMs: Date.now() - 3 * 3_600_000 }));
    await pool.query('VACUUM ANALYZE event');
    await pool.query('VACUUM ANALYZE live_session');
    console.log(`generated ${SESSIONS} sessions × ${EVENTS} events in ${(generateMs / 1000).toFixed(1)} s`);

    const [closed, closeMs] = await timed(() => closeExpiredSessions(pool, { batchSize: Number(values['batch-size']), parallel: Number(values.parallel) }));
    const closeRate = (closed.closed * 1000) / closeMs;
    console.log(`trailmark close path: ${closed.closed} sessions in ${(closeMs / 1000).toFixed(2)} s = ${Math.round(closeRate)} sessions/s (${closed.batches} batches; summary + user_action/user_event/user_error rows)`);

    await pool.query('CREATE TABLE session_baseline (LIKE session INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)');
    const [baseline, baselineMs] = await timed(() => pool.query(BASELINE_SQL));
    const baselineRate = ((baseline.rowCount ?? 0) * 1000) / baselineMs;
    console.log(`baseline INSERT … SELECT … GROUP BY: ${baseline.rowCount} sessions in ${(baselineMs / 1000).toFixed(2)} s = ${Math.round(baselineRate)} sessions/s (summary rows only)`);
    const mismatches = await countMismatches(pool);
    console.log(JSON.stringify({
      sessions: SESSIONS,
      eventsPerSession: EVENTS,
      closeSessionsPerSecond: Math.round(closeRate),
      baselineSessionsPerSecond: Math.round(baselineRate),
      ratioToBaseline: Number((closeRate / baselineRate).toFixed(3)),
      targetMet: closeRate >= 2000,
      coreFieldMismatches: mismatches,
    }));
  } finally {
    await pool.end();
    await dropDatabase(url);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
