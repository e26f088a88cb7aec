/**
 * `npm run bench:usql [-- --sessions 1000000 --days 28 --frame-days 7 --keep] [-- --reuse URL]`
 *
 * `--keep` leaves the loaded database in place and prints its URL; `--reuse URL` runs the
 * questions again on such a database: it applies any newer migrations, drops the `bench_`
 * indexes of an earlier run and skips the load (the flags must match the ones it was loaded with).
 *
 * Loads a fresh database (the real migrations) with N sessions and ~10 actions per session,
 * generated in-process and streamed with COPY (memory stays bounded: one chunk at a time), runs
 * VACUUM ANALYZE, then times ten typical questions twice each in the same session: through
 * translateUsql + pg, and as the best hand-written SQL for the same question. Warm, median of 3.
 * It measures three property layouts on the same data — jsonb with no property index, jsonb
 * with expression indexes on the filtered keys, and additionally GIN (jsonb_path_ops) with
 * `@>` for the hand-written SQL — and prints one table per layout with times and ratios.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createPrismaClient, migrateDatabase } from '@trailmark/db';
import { createApplication, defineProperty } from '@trailmark/services';
import { createTestDatabase } from '@trailmark/testing';
import { translateUsql, type TUsqlPropertyDefinition } from '@trailmark/usql';

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-11-29T00:00:00Z');
const RUNS = 3;
const TARGETS = { ms: 1000, ratio: 1.5 };
const CHUNK_BYTES = 1 << 20;

interface TFlags {
  sessions: number;
  days: number;
  frameDays: number;
  keep: boolean;
  reuse?: string;
  /** Directory for EXPLAIN (ANALYZE, BUFFERS) of every question, USQL and hand-written. */
  explain?: string;
}

function parseFlags(argv: string[]): TFlags {
  const flags: TFlags = { sessions: 1_000_000, days: 28, frameDays: 7, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name === '--keep') {
      flags.keep = true;
      continue;
    }
    if (name === '--explain') {
      const dir = argv[i + 1];
      if (!dir) throw new Error('--explain needs a directory');
      flags.explain = dir;
      i += 1;
      continue;
    }
    if (name === '--reuse') {
      const url = argv[i + 1];
      if (!url) throw new Error('--reuse needs the URL of a database kept by --keep');
      flags.reuse = url;
      flags.keep = true;
      i += 1;
      continue;
    }
    const value = Number(argv[i + 1]);
    const key = ({ '--sessions': 'sessions', '--days': 'days', '--frame-days': 'frameDays' } as const)[name as '--sessions'];
    if (!key || !Number.isFinite(value) || value <= 0) throw new Error(`unknown flag ${name}; use --sessions N --days D --frame-days F --keep --reuse URL --explain DIR`);
    flags[key] = value;
    i += 1;
  }
  return flags;
}

// ---------------------------------------------------------------- deterministic data

/** A small, fast PRNG (mulberry32) seeded per session so both COPY streams agree on a session. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): (r: number) => T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const cumulative: Array<[T, number]> = [];
  let acc = 0;
  for (const [value, w] of entries) cumulative.push([value, (acc += w / total)]);
  return (r) => (cumulative.find(([, c]) => r < c) ?? (cumulative[cumulative.length - 1] as [T, number]))[0];
}

const COUNTRY = weighted([['US', 30], ['DE', 12], ['GB', 9], ['FR', 7], ['IN', 7], ['BR', 5], ['CA', 4], ['JP', 4], ['AT', 3], ['IT', 3], ['ES', 3], ['NL', 3], ['PL', 2], ['SE', 2], ['AU', 2], ['MX', 2], ['CH', 1], ['IE', 1]] as const);
const BROWSER = weighted([['Chrome', 60], ['Safari', 20], ['Firefox', 9], ['Edge', 8], ['Opera', 2], ['Samsung Internet', 1]] as const);
const OS = weighted([['Windows', 40], ['Android', 25], ['iOS', 18], ['macOS', 12], ['Linux', 5]] as const);
const DEVICE = weighted([['desktop', 55], ['mobile', 40], ['tablet', 5]] as const);
const ISP = weighted([['Comcast', 20], ['Vodafone', 15], ['Deutsche Telekom', 12], ['AT&T', 12], ['Orange', 10], ['BT', 8], ['Verizon', 8], ['A1', 5], ['Jio', 10]] as const);
const TIER = weighted([[null, 40], ['bronze', 30], ['silver', 20], ['gold', 10]] as const);
const PAGES = Array.from({ length: 40 }, (_, i) => `Loading of page /p${i}`);
const ACTION = weighted([['page', 62], ['search', 10], ['login', 4], ['click on "Buy"', 6], ['view cart', 9], ['checkout', 5], ['pay', 2], ['logout', 2]] as const);
const PAYMENT = weighted([['card', 55], ['paypal', 25], ['klarna', 10], ['applepay', 10]] as const);

interface TSessionBasics {
  app: string;
  id: string;
  start: number;
  actionCount: number;
}

function basicsOf(i: number, apps: readonly [string, string], flags: TFlags): TSessionBasics {
  const r = rng(i * 2654435761);
  const app = r() < 0.9 ? apps[0] : apps[1];
  const start = NOW - Math.floor(r() * flags.days * DAY_MS);
  const actionCount = 1 + Math.floor(r() * 19);
  return { app, id: `s${i.toString(36)}`, start, actionCount };
}

const iso = (ms: number): string => new Date(ms).toISOString();
const text = (value: string | number | boolean | null): string => (value === null ? '\\N' : String(value));

function sessionLine(i: number, apps: readonly [string, string], flags: TFlags): string {
  const b = basicsOf(i, apps, flags);
  const r = rng(i * 40503 + 17);
  const duration = Math.floor(1000 + r() * 30 * 60_000);
  const errors = r() < 0.2 ? 1 + Math.floor(r() * 3) : 0;
  const tier = TIER(r());
  const props: Record<string, unknown> = {};
  if (tier) props['loyalty_tier'] = tier;
  if (r() < 0.5) props['basket_items'] = Math.floor(r() * 20);
  if (r() < 0.3) props['signup_channel'] = r() < 0.5 ? 'ads' : 'organic';
  return [
    b.app, b.id, `i${i.toString(36)}`, `user${Math.floor(r() * flags.sessions / 3)}@example.com`, iso(b.start), iso(b.start + duration), duration, 'timeout',
    b.actionCount, Math.ceil(b.actionCount * 0.6), Math.floor(r() * 50), errors, errors > 0 ? 1 : 0, r() < 0.01, r() < 0.03 ? 'ROBOT' : 'REAL_USER',
    BROWSER(r()), String(80 + Math.floor(r() * 40)), OS(r()), DEVICE(r()), COUNTRY(r()), ISP(r()), `10.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.1`,
    1920, 1080, JSON.stringify(props),
  ].map((v) => text(v as string)).join('\t');
}
const SESSION_COLUMNS =
  'application_id, session_id, instance_id, user_tag, start_time, end_time, duration, end_reason, user_action_count, navigation_count, request_count, error_count, error_js_count, is_invalid, user_type, browser_name, browser_major_version, os_name, device_type, country, client_isp, client_ip, screen_width, screen_height, properties';

function actionLines(i: number, apps: readonly [string, string], flags: TFlags, out: string[]): void {
  const b = basicsOf(i, apps, flags);
  const r = rng(i * 69069 + 5);
  let t = b.start;
  for (let j = 0; j < b.actionCount; j++) {
    const kind = ACTION(r());
    const name = kind === 'page' ? (PAGES[Math.floor(r() * PAGES.length)] as string) : kind;
    const duration = Math.floor(30 + -Math.log(1 - r()) * 900);
    t += Math.floor(r() * 60_000);
    let props = '{}';
    if (kind === 'view cart' || kind === 'checkout' || kind === 'pay') {
      props = JSON.stringify({ payment_method: PAYMENT(r()), cart_value: Math.round(r() * 100_000) / 100 });
    } else if (kind === 'search') {
      props = JSON.stringify({ search_terms: Math.floor(r() * 5) });
    }
    out.push(
      [b.app, b.id, `a${j}`, iso(b.start), name, kind === 'page' ? 'Load' : 'Xhr', iso(t), iso(t + duration), duration, 1 + Math.floor(r() * 5), 0, 0,
        kind === 'page' ? Math.round(duration * 1.4) : null, props].map((v) => text(v as string)).join('\t'),
    );
  }
}
const ACTION_COLUMNS = 'application_id, session_id, event_id, session_start_time, name, type, start_time, end_time, duration, request_count, request_error_count, javascript_error_count, largest_contentful_paint, properties';

// ---------------------------------------------------------------- COPY FROM STDIN without extra packages

interface TCopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

/** A pg Submittable speaking the COPY-in sub-protocol; `produce` yields text chunks. */
class CopyIn {
  readonly done: Promise<void>;
  private resolve!: () => void;
  private reject!: (error: unknown) => void;
  private failed: unknown;

  constructor(
    private readonly sql: string,
    private readonly produce: () => Generator<string>,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: TCopyConnection): void {
    connection.query(this.sql);
  }

  handleCopyInResponse(connection: TCopyConnection): void {
    void (async () => {
      try {
        for (const chunk of this.produce()) {
          connection.sendCopyFromChunk(Buffer.from(chunk));
          if (connection.stream.writableNeedDrain) await new Promise((resolve) => connection.stream.once('drain', resolve));
        }
        connection.endCopyFrom();
      } catch (error) {
        this.failed = error;
        connection.sendCopyFail(String(error));
      }
    })();
  }

  handleCommandComplete(): void {
    // The row count is not needed; completion is signalled by ReadyForQuery.
  }
  handleError(error: unknown): void {
    this.failed ??= error;
  }
  handleReadyForQuery(): void {
    if (this.failed) this.reject(this.failed);
    else this.resolve();
  }
}

async function copyInto(pool: pg.Pool, sql: string, produce: () => Generator<string>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SET synchronous_commit = off');
    const copy = new CopyIn(sql, produce);
    void client.query(copy as unknown as pg.QueryConfig);
    await copy.done;
  } finally {
    client.release();
  }
}

function* chunked(count: number, lines: (i: number, out: string[]) => void): Generator<string> {
  let out: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const before = out.length;
    lines(i, out);
    for (let k = before; k < out.length; k++) bytes += (out[k] as string).length + 1;
    if (bytes >= CHUNK_BYTES) {
      yield `${out.join('\n')}\n`;
      out = [];
      bytes = 0;
    }
  }
  if (out.length > 0) yield `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- the questions

interface TQuestion {
  id: string;
  title: string;
  usql: string;
  /** The best SQL we could write by hand; $1 app, $2/$3 frame (timestamptz). `gin` variant uses @>. */
  hand: string;
  handGin?: string;
}

const LIVE = 'application_id = $1 AND start_time >= $2 AND start_time < $3 AND NOT is_invalid';
const QUESTIONS: TQuestion[] = [
  {
    id: 'Q1', title: 'group-by + top-N: sessions per country',
    usql: 'SELECT country, COUNT(*) FROM usersession GROUP BY country ORDER BY COUNT(*) DESC LIMIT 10',
    hand: `SELECT country, count(*)::float8 FROM session WHERE ${LIVE} GROUP BY country ORDER BY 2 DESC NULLS LAST LIMIT 10`,
  },
  {
    id: 'Q2', title: 'filter on a session property + group-by',
    usql: "SELECT browserFamily, COUNT(*), AVG(duration) FROM usersession WHERE stringProperties.loyalty_tier = 'gold' GROUP BY browserFamily ORDER BY COUNT(*) DESC",
    hand: `SELECT browser_name, count(*)::float8, avg(duration)::float8 FROM session WHERE ${LIVE} AND properties ->> 'loyalty_tier' = 'gold' GROUP BY 1 ORDER BY 2 DESC NULLS LAST LIMIT 50`,
    handGin: `SELECT browser_name, count(*)::float8, avg(duration)::float8 FROM session WHERE ${LIVE} AND properties @> '{"loyalty_tier":"gold"}' GROUP BY 1 ORDER BY 2 DESC NULLS LAST LIMIT 50`,
  },
  {
    id: 'Q3', title: 'filtered top-N rows',
    usql: "SELECT userId, startTime, duration FROM usersession WHERE userActionCount > 17 AND country = 'DE' ORDER BY duration DESC LIMIT 20",
    hand: `SELECT user_tag, floor(extract(epoch from start_time) * 1000)::float8, duration::float8 FROM session WHERE ${LIVE} AND user_action_count > 17 AND country = 'DE' ORDER BY duration DESC LIMIT 20`,
  },
  {
    id: 'Q4', title: 'DATETIME hourly buckets',
    usql: "SELECT DATETIME(startTime, 'yyyy-MM-dd HH:mm', '1h') AS t, COUNT(*) FROM usersession GROUP BY t ORDER BY t",
    hand: `SELECT to_char(date_trunc('hour', start_time AT TIME ZONE 'UTC'), 'YYYY-MM-DD HH24:MI') AS t, count(*)::float8 FROM session WHERE ${LIVE} GROUP BY 1 ORDER BY 1 LIMIT 50`,
  },
  {
    id: 'Q5', title: 'CONDITION aggregates over all sessions',
    usql: "SELECT COUNT(*), CONDITION(COUNT(*), WHERE hasError = true), CONDITION(AVG(duration), WHERE device = 'mobile') FROM usersession",
    hand: `SELECT count(*)::float8, count(*) FILTER (WHERE error_count > 0)::float8, avg(duration) FILTER (WHERE device_type = 'mobile')::float8 FROM session WHERE ${LIVE}`,
  },
  {
    id: 'Q6', title: 'group-by a session property with SUM of another',
    usql: 'SELECT usersession.stringProperties.loyalty_tier AS tier, COUNT(*), SUM(usersession.longProperties.basket_items) FROM usersession GROUP BY tier ORDER BY tier',
    hand: `SELECT properties ->> 'loyalty_tier', count(*)::float8, sum((properties ->> 'basket_items')::numeric)::float8 FROM session WHERE ${LIVE} GROUP BY 1 ORDER BY 1 NULLS LAST LIMIT 50`,
  },
  {
    id: 'Q7', title: 'actions: filter on an action property + group-by + median',
    usql: 'SELECT stringProperties.payment_method, COUNT(*), MEDIAN(duration) FROM useraction WHERE doubleProperties.cart_value > 990 GROUP BY stringProperties.payment_method ORDER BY COUNT(*) DESC',
    hand: `SELECT a.properties ->> 'payment_method', count(*)::float8, percentile_cont(0.5) WITHIN GROUP (ORDER BY a.duration)::float8 FROM user_action a JOIN session s ON s.application_id = a.application_id AND s.session_id = a.session_id
           WHERE a.application_id = $1 AND a.session_start_time >= $2 AND a.session_start_time < $3 AND NOT s.is_invalid AND (a.properties ->> 'cart_value')::float8 > 990 GROUP BY 1 ORDER BY 2 DESC LIMIT 50`,
    handGin: `SELECT a.properties ->> 'payment_method', count(*)::float8, percentile_cont(0.5) WITHIN GROUP (ORDER BY a.duration)::float8 FROM user_action a JOIN session s ON s.application_id = a.application_id AND s.session_id = a.session_id
           WHERE a.application_id = $1 AND a.session_start_time >= $2 AND a.session_start_time < $3 AND NOT s.is_invalid AND a.properties @? '$.cart_value ? (@ > 990)' GROUP BY 1 ORDER BY 2 DESC LIMIT 50`,
  },
  {
    id: 'Q8', title: 'actions: slowest page loads, top-N by name',
    usql: "SELECT name, COUNT(*), AVG(duration) FROM useraction WHERE type = 'Load' AND duration > 5000 GROUP BY name ORDER BY COUNT(*) DESC LIMIT 10",
    hand: `SELECT a.name, count(*)::float8, avg(a.duration)::float8 FROM user_action a JOIN session s ON s.application_id = a.application_id AND s.session_id = a.session_id
           WHERE a.application_id = $1 AND a.session_start_time >= $2 AND a.session_start_time < $3 AND NOT s.is_invalid AND a.type = 'Load' AND a.duration > 5000 GROUP BY 1 ORDER BY 2 DESC LIMIT 10`,
  },
  {
    id: 'Q9', title: 'child-existential filter: sessions that paid, per country',
    usql: "SELECT country, COUNT(*) FROM usersession WHERE useraction.name = 'pay' AND device = 'mobile' GROUP BY country ORDER BY COUNT(*) DESC LIMIT 5",
    hand: `SELECT s.country, count(*)::float8 FROM session s WHERE s.application_id = $1 AND s.start_time >= $2 AND s.start_time < $3 AND NOT s.is_invalid AND s.device_type = 'mobile'
           AND EXISTS (SELECT 1 FROM user_action a WHERE a.application_id = s.application_id AND a.session_id = s.session_id AND a.name = 'pay') GROUP BY 1 ORDER BY 2 DESC LIMIT 5`,
  },
  {
    id: 'Q10', title: 'FUNNEL view cart → checkout → pay',
    usql: `SELECT FUNNEL(useraction.name = 'view cart' AS "Cart", useraction.name = 'checkout' AS "Checkout", useraction.name = 'pay' AS "Paid") FROM usersession`,
    // The fastest of the shapes measured (join-then-group by session, a plain derived table, and
    // this): the flags per session computed once from the name index, then joined to the sessions.
    hand: `WITH a AS MATERIALIZED (
             SELECT session_id, bool_or(name = 'view cart') AS c, bool_or(name = 'checkout') AS k, bool_or(name = 'pay') AS p FROM user_action
              WHERE application_id = $1 AND session_start_time >= $2 AND session_start_time < $3 AND name IN ('view cart', 'checkout', 'pay') GROUP BY session_id)
           SELECT count(*) FILTER (WHERE c)::float8, count(*) FILTER (WHERE c AND k)::float8, count(*) FILTER (WHERE c AND k AND p)::float8
             FROM a JOIN session s ON s.application_id = $1 AND s.session_id = a.session_id WHERE s.start_time >= $2 AND s.start_time < $3 AND NOT s.is_invalid`,
  },
];

// ---------------------------------------------------------------- layouts (indexes measured on top of the migrated schema)
// Every layout runs on the real migrations, whose indexes serve both the translator and the
// hand-written SQL: session (application_id, start_time, is_invalid, session_id) and
// (application_id, session_id, start_time, is_invalid), user_action (application_id,
// session_start_time, session_id, name, type, duration) and (application_id, name,
// session_start_time, session_id) for child lookups by name.

const STRING_PROP = (alias: string, key: string) => `(CASE WHEN jsonb_typeof(${alias}properties -> '${key}') = 'string' THEN ${alias}properties ->> '${key}' END)`;
const DOUBLE_PROP = (alias: string, key: string) => `(CASE WHEN jsonb_typeof(${alias}properties -> '${key}') = 'number' THEN (${alias}properties ->> '${key}')::float8 END)`;

interface TLayout {
  name: string;
  /** Statements run (and timed) before the questions. */
  setup: string[];
  gin: boolean;
}

const LAYOUTS: TLayout[] = [
  { name: 'A. jsonb, no property index (migrated schema only)', setup: [], gin: false },
  {
    name: 'B. jsonb + expression indexes (and expression statistics) on the filtered keys; hand-written SQL gets its own',
    setup: [
      `CREATE INDEX bench_session_loyalty_tier ON session (application_id, ${STRING_PROP('', 'loyalty_tier')}, start_time)`,
      // Partial on IS NOT NULL: implied by any comparison on the expression, so most rows stay out of it.
      `CREATE INDEX bench_action_cart_value ON user_action (application_id, ${DOUBLE_PROP('', 'cart_value')}) WHERE ${DOUBLE_PROP('', 'cart_value')} IS NOT NULL`,
      // The planner ignores a partial index's expression statistics; without these it guesses 1/3
      // of the rows match `cart_value > 990` and scans the whole frame instead of the index.
      `CREATE STATISTICS bench_stat_action_cart_value ON (${DOUBLE_PROP('', 'cart_value')}) FROM user_action`,
      // The hand-written SQL gets its own best indexes: plain ->> expressions and names first.
      `CREATE INDEX bench_hand_session_loyalty_tier ON session (application_id, (properties ->> 'loyalty_tier'), start_time)`,
      `CREATE INDEX bench_hand_action_cart_value ON user_action (application_id, ((properties ->> 'cart_value')::float8)) WHERE (properties ->> 'cart_value')::float8 IS NOT NULL`,
      `CREATE STATISTICS bench_stat_hand_action_cart_value ON (((properties ->> 'cart_value')::float8)) FROM user_action`,
      'ANALYZE session',
      'ANALYZE user_action',
    ],
    gin: false,
  },
  {
    name: 'C. B + GIN (jsonb_path_ops) on properties, hand-written SQL free to use @> / @?',
    setup: [
      'CREATE INDEX bench_session_props_gin ON session USING gin (properties jsonb_path_ops)',
      'CREATE INDEX bench_action_props_gin ON user_action USING gin (properties jsonb_path_ops)',
      'ANALYZE session',
      'ANALYZE user_action',
    ],
    gin: true,
  },
];

// ---------------------------------------------------------------- timing

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function normalise(rows: unknown[][]): string {
  const round = (v: unknown): unknown => (typeof v === 'number' ? Number(v.toPrecision(9)) : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(Number(v).toPrecision(9)) : v);
  return JSON.stringify(rows.map((row) => row.map(round)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
}

interface TMeasured {
  question: TQuestion;
  usqlMs: number;
  handMs: number;
  same: boolean;
}

async function measure(client: pg.PoolClient, question: TQuestion, layout: TLayout, ctx: { app: string; definitions: TUsqlPropertyDefinition[]; frame: { start: number; end: number }; explainTo?: string }): Promise<TMeasured> {
  const runUsql = async () => {
    const translation = translateUsql(question.usql, { definitions: ctx.definitions, applicationIds: [ctx.app], timeFrame: ctx.frame, now: NOW });
    return (await client.query({ text: translation.sql, values: translation.params, rowMode: 'array' })).rows as unknown[][];
  };
  const handSql = layout.gin && question.handGin ? question.handGin : question.hand;
  const runHand = async () => (await client.query({ text: handSql, values: [ctx.app, new Date(ctx.frame.start), new Date(ctx.frame.end)], rowMode: 'array' })).rows as unknown[][];
  const usqlRows = await runUsql(); // warm-up
  const handRows = await runHand();
  const usqlTimes: number[] = [];
  const handTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    usqlTimes.push(await timed(runUsql));
    handTimes.push(await timed(runHand));
  }
  if (ctx.explainTo) {
    const translation = translateUsql(question.usql, { definitions: ctx.definitions, applicationIds: [ctx.app], timeFrame: ctx.frame, now: NOW });
    const plan = async (sql: string, values: unknown[]) =>
      (await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${sql}`, values, rowMode: 'array' })).rows.map((row: unknown[]) => String(row[0])).join('\n');
    const usqlPlan = await plan(translation.sql, translation.params);
    const handPlan = await plan(handSql, [ctx.app, new Date(ctx.frame.start), new Date(ctx.frame.end)]);
    writeFileSync(`${ctx.explainTo}-${question.id}.txt`, `-- USQL: ${question.usql}\n${translation.sql}\n${JSON.stringify(translation.params)}\n\n${usqlPlan}\n\n-- hand\n${handSql}\n\n${handPlan}\n`);
  }
  return { question, usqlMs: median(usqlTimes), handMs: median(handTimes), same: normalise(usqlRows) === normalise(handRows) };
}

function printTable(layout: TLayout, results: TMeasured[]): void {
  const lines = [
    `\n${layout.name}`,
    `${'query'.padEnd(5)} ${'question'.padEnd(58)} ${'usql ms'.padStart(9)} ${'hand ms'.padStart(9)} ${'ratio'.padStart(6)}  same  target`,
  ];
  for (const r of results) {
    const ratio = r.usqlMs / r.handMs;
    const ok = r.usqlMs < TARGETS.ms && ratio <= TARGETS.ratio;
    lines.push(
      `${r.question.id.padEnd(5)} ${r.question.title.slice(0, 58).padEnd(58)} ${r.usqlMs.toFixed(1).padStart(9)} ${r.handMs.toFixed(1).padStart(9)} ${ratio.toFixed(2).padStart(6)}  ${r.same ? 'yes ' : 'NO  '}  ${ok ? 'ok' : 'MISS'}`,
    );
  }
  const passed = results.filter((r) => r.usqlMs < TARGETS.ms && r.usqlMs / r.handMs <= TARGETS.ratio).length;
  lines.push(`${passed}/${results.length} within < ${TARGETS.ms} ms and ≤ ${TARGETS.ratio}× of hand-written SQL`);
  console.log(lines.join('\n'));
}

const log = (message: string): void => {
  console.log(`[bench:usql] ${message}`);
};

async function load(pool: pg.Pool, prisma: ReturnType<typeof createPrismaClient>, apps: readonly [string, string], definitions: TUsqlPropertyDefinition[], flags: TFlags): Promise<void> {
  for (const d of definitions) for (const app of apps) await defineProperty(prisma, app, d);
  log(`loading ${flags.sessions.toLocaleString('en')} sessions and ~${(flags.sessions * 10).toLocaleString('en')} actions over ${flags.days} days (COPY, streamed)`);
  const loadMs = await timed(() =>
    Promise.all([
      copyInto(pool, `COPY session (${SESSION_COLUMNS}) FROM STDIN`, () => chunked(flags.sessions, (i, out) => void out.push(sessionLine(i, apps, flags)))),
      copyInto(pool, `COPY user_action (${ACTION_COLUMNS}) FROM STDIN`, () => chunked(flags.sessions, (i, out) => actionLines(i, apps, flags, out))),
    ]),
  );
  const counts = (await pool.query('SELECT (SELECT count(*) FROM session) AS s, (SELECT count(*) FROM user_action) AS a')).rows[0] as { s: string; a: string };
  log(`loaded ${Number(counts.s).toLocaleString('en')} sessions, ${Number(counts.a).toLocaleString('en')} actions in ${(loadMs / 1000).toFixed(1)} s; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  const analyzeMs = await timed(() => pool.query('VACUUM ANALYZE session').then(() => pool.query('VACUUM ANALYZE user_action')));
  log(`VACUUM ANALYZE in ${(analyzeMs / 1000).toFixed(1)} s`);
}

/** The applications of a database loaded by an earlier `--keep` run, with its `bench_` indexes dropped. */
async function reuseLoaded(pool: pg.Pool, flags: TFlags): Promise<readonly [string, string]> {
  const apps = (await pool.query<{ id: string }>("SELECT id FROM application WHERE name IN ('bench shop', 'bench other tenant') ORDER BY name = 'bench shop' DESC")).rows.map((row) => row.id);
  const sessions = Number(((await pool.query('SELECT count(*) AS n FROM session')).rows[0] as { n: string }).n);
  if (apps.length !== 2 || sessions !== flags.sessions) {
    throw new Error(`--reuse: the database holds ${sessions} sessions of ${apps.length} bench applications; pass --sessions ${sessions} (and the --days it was loaded with)`);
  }
  const stale = await pool.query<{ relname: string }>("SELECT relname FROM pg_class WHERE relkind = 'i' AND relname LIKE 'bench\\_%'");
  for (const { relname } of stale.rows) await pool.query(`DROP INDEX ${relname}`);
  const statistics = await pool.query<{ stxname: string }>("SELECT stxname FROM pg_statistic_ext WHERE stxname LIKE 'bench\\_%'");
  for (const { stxname } of statistics.rows) await pool.query(`DROP STATISTICS ${stxname}`);
  await pool.query('ANALYZE session');
  await pool.query('ANALYZE user_action');
  log(`reusing ${sessions.toLocaleString('en')} loaded sessions; dropped ${stale.rows.length} bench_ indexes of the earlier run`);
  return [apps[0] as string, apps[1] as string];
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const database = flags.reuse ? { url: flags.reuse, drop: () => Promise.resolve() } : await createTestDatabase();
  // A kept database gets the newer migrations too, so every layout runs on the current schema.
  if (flags.reuse) await migrateDatabase(database.url);
  const prisma = createPrismaClient(database.url);
  const pool = new pg.Pool({ connectionString: database.url, max: 3 });
  try {
    const definitions: TUsqlPropertyDefinition[] = [
      { key: 'loyalty_tier', scope: 'session', dataType: 'string' },
      { key: 'basket_items', scope: 'session', dataType: 'long' },
      { key: 'signup_channel', scope: 'session', dataType: 'string' },
      { key: 'payment_method', scope: 'event', dataType: 'string' },
      { key: 'cart_value', scope: 'event', dataType: 'double' },
      { key: 'search_terms', scope: 'event', dataType: 'long' },
    ];
    const reused = flags.reuse ? await reuseLoaded(pool, flags) : undefined;
    const apps = reused ?? ([(await createApplication(prisma, { name: 'bench shop' })).id, (await createApplication(prisma, { name: 'bench other tenant' })).id] as const);
    if (!reused) await load(pool, prisma, apps, definitions, flags);
    log(`load average ${loadavg().map((v) => v.toFixed(2)).join(' ')} on ${cpus().length} CPUs`);

    const frame = { start: NOW - flags.frameDays * DAY_MS, end: NOW };
    const inFrame = (await pool.query('SELECT count(*) AS n FROM session WHERE application_id = $1 AND start_time >= $2 AND start_time < $3', [apps[0], new Date(frame.start), new Date(frame.end)])).rows[0] as { n: string };
    log(`questions read application 1 (90% of rows) over the last ${flags.frameDays} days: ${Number(inFrame.n).toLocaleString('en')} sessions in frame`);

    const client = await pool.connect();
    try {
      for (const layout of LAYOUTS) {
        for (const statement of layout.setup) {
          const ms = await timed(() => client.query(statement));
          log(`${statement.slice(0, 110)}${statement.length > 110 ? '…' : ''} — ${(ms / 1000).toFixed(1)} s`);
        }
        const results: TMeasured[] = [];
        if (flags.explain) mkdirSync(flags.explain, { recursive: true });
        const explainTo = flags.explain ? `${flags.explain}/${layout.name.slice(0, 1)}` : undefined;
        for (const question of QUESTIONS) results.push(await measure(client, question, layout, { app: apps[0], definitions, frame, ...(explainTo ? { explainTo } : {}) }));
        printTable(layout, results);
        log(`load average ${loadavg().map((v) => v.toFixed(2)).join(' ')} after layout ${layout.name.slice(0, 1)}`);
      }
      const sizes = await client.query(
        `SELECT c.relname, pg_size_pretty(pg_relation_size(c.oid)) AS size FROM pg_class c LEFT JOIN pg_index i ON i.indexrelid = c.oid
          WHERE c.relname IN ('session', 'user_action') OR i.indrelid IN ('session'::regclass, 'user_action'::regclass) ORDER BY c.relname`,
      );
      log(`sizes: ${sizes.rows.map((row: { relname: string; size: string }) => `${row.relname} ${row.size}`).join(', ')}`);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
    await prisma.$disconnect();
    if (flags.keep) log(`kept database ${database.url}`);
    else await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
