/**
 * `npm run bench:ingest [-- --seconds 10 --concurrency 32 --baseline-connections 4 --rounds 3 --open-loop-rate N]`
 *
 * Starts the real collector (its esbuild bundle) as its own process on a fresh database and Redis
 * prefix, drives it over loopback from this process with pre-generated realistic beacons (10
 * events, 3 properties each), and measures in one run:
 *   (a) the sustained events/s at a fixed concurrency (closed loop) with p50/p99 latency;
 *   (b) p99 at half that rate, open loop (latency counted from the scheduled send time);
 *   (c) the baseline: the same rows into `event` by a plain pg client with multi-row INSERTs of
 *       the collector's mean batch size and the same ON CONFLICT, no HTTP.
 * (a) and (c) alternate for `--rounds` rounds (the collector idles during (c)); the ratio reported
 * is the median round's, and (b) runs at half that round's rate, or at `--open-loop-rate` events/s
 * (to compare configurations at one load; the p99 target is judged at half load only).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import pg from 'pg';
import { createPrismaClient } from '@trailmark/db';
import { createApplication, defineProperty, listProperties } from '@trailmark/services';
import { createTestDatabase, createTestRedisPrefix } from '@trailmark/testing';
import { buildTemplates, fillTemplate, type TBeaconTemplate } from './beacon-templates';
import { RawHttpClient, type TPost } from './raw-http-client';

const ROOT = join(__dirname, '..', '..', '..');
const EVENTS_PER_BEACON = 10;
const PROPERTIES_PER_EVENT = 3;
const BEACONS_PER_SESSION = 4;
const TEMPLATE_COUNT = 2000;
const WARMUP_SECONDS = 3;
const TARGETS = { eventsPerSecond: 20_000, baselineRatio: 0.5, p99HalfLoadMs: 50 };

interface TFlags {
  seconds: number;
  concurrency: number;
  baselineConnections: number;
  rounds: number;
  /** Events/s of the open-loop phase; 0 = half the median round's. */
  openLoopRate: number;
}

function parseFlags(argv: string[]): TFlags {
  const flags: TFlags = { seconds: 10, concurrency: 32, baselineConnections: 4, rounds: 3, openLoopRate: 0 };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = Number(argv[i + 1]);
    const keys: Record<string, keyof TFlags> = { '--seconds': 'seconds', '--concurrency': 'concurrency', '--baseline-connections': 'baselineConnections', '--rounds': 'rounds', '--open-loop-rate': 'openLoopRate' };
    const key = name === undefined ? undefined : keys[name];
    if (!key) throw new Error(`unknown flag ${name}; use --seconds N --concurrency C --baseline-connections K --rounds R --open-loop-rate E`);
    if (!(value > 0)) throw new Error(`${name} needs a positive number`);
    flags[key] = value;
    i++;
  }
  return flags;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Nearest-rank percentile, in ms rounded to 0.1. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const value = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return Math.round(value * 10) / 10;
}

/** The process and its descendants (the collector's cluster workers), from /proc. */
function processTree(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    const parent = pids[i] as number;
    try {
      for (const task of readdirSync(`/proc/${parent}/task`)) {
        const children = readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(' ').map(Number));
      }
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** Collector CPU time (user + system of the process and its live workers) in ms, from /proc. */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  let total = 0;
  for (const one of processTree(pid)) {
    try {
      const fields = readFileSync(`/proc/${one}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      if (one === pid) return Number.NaN;
    }
  }
  return total;
}

/** CPU time (user + system) in ms of each process whose command name is `comm` (Postgres backends, Redis), by pid. */
function cpuMsOfCommand(comm: string): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== comm) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byPid.set(Number(entry), ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      // exited meanwhile
    }
  }
  return byPid;
}

/**
 * CPU spent since `start` by the processes alive now. A process that exited meanwhile (an idle
 * pool connection closing) is left out rather than subtracting its whole past.
 */
function cpuMsSince(start: Map<number, number>, now: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of now) total += ms - (start.get(pid) ?? 0);
  return total;
}

/** Busy CPU time of the whole machine in ms (all cores), from /proc/stat. */
function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return ((total - idle) * 1000) / 100;
}

// ---------------------------------------------------------------- HTTP load

const USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const newClient = (port: number) => new RawHttpClient(port, `content-type: application/json\r\nuser-agent: ${USER_AGENT}\r\n`);

interface TLoadTarget {
  port: number;
  path: string;
  templates: TBeaconTemplate[];
  tag: string;
}

interface TPhaseResult {
  seconds: number;
  beacons: number;
  /** Beacons sent in the whole phase, warm-up included. */
  sentBeacons: number;
  /** Keep-alive sockets the load client opened in the whole phase (open loop only). */
  socketsOpened?: number;
  events: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
  p99BySecond: number[];
  max: number;
  errors: Record<string, number>;
  collectorCpuMsPerKEvents: number;
  /** CPU of this (load-driving) process, to tell a saturated driver from a saturated collector. */
  driverCpuMsPerKEvents: number;
  /** The rest of the machine's busy CPU: Postgres and Redis, mostly. */
  storeCpuMsPerKEvents: number;
  /** The part of `store` spent in Postgres processes, in Redis, and elsewhere (kernel softirq, other processes). */
  storeSplit: { postgres: number; redis: number; other: number };
}

interface TCpuSnapshot {
  collectorMs: number;
  driver: NodeJS.CpuUsage;
  machineMs: number;
  postgres: Map<number, number>;
  redis: Map<number, number>;
}

interface TCpuSpent {
  collectorMs: number;
  driverMs: number;
  storeMs: number;
  postgresMs: number;
  redisMs: number;
}

function cpuSnapshot(collectorPid: number | undefined): TCpuSnapshot {
  return { collectorMs: processCpuMs(collectorPid), driver: process.cpuUsage(), machineMs: machineBusyMs(), postgres: cpuMsOfCommand('postgres'), redis: cpuMsOfCommand('redis-server') };
}

function cpuSince(start: TCpuSnapshot | undefined, collectorPid: number | undefined): TCpuSpent {
  if (!start) return { collectorMs: Number.NaN, driverMs: Number.NaN, storeMs: Number.NaN, postgresMs: Number.NaN, redisMs: Number.NaN };
  // Without a collector (the baseline) the whole rest of the machine is the store.
  const collectorMs = collectorPid === undefined ? 0 : processCpuMs(collectorPid) - start.collectorMs;
  const driver = process.cpuUsage(start.driver);
  const driverMs = (driver.user + driver.system) / 1000;
  const machineMs = machineBusyMs() - start.machineMs;
  const postgresMs = cpuMsSince(start.postgres, cpuMsOfCommand('postgres'));
  const redisMs = cpuMsSince(start.redis, cpuMsOfCommand('redis-server'));
  return { collectorMs, driverMs, storeMs: machineMs - collectorMs - driverMs, postgresMs, redisMs };
}

function storeSplit(cpu: TCpuSpent, events: number): TPhaseResult['storeSplit'] {
  return { postgres: perThousand(cpu.postgresMs, events), redis: perThousand(cpu.redisMs, events), other: perThousand(cpu.storeMs - cpu.postgresMs - cpu.redisMs, events) };
}

const perThousand = (ms: number, events: number) => Math.round((ms / Math.max(1, events)) * 1000 * 100) / 100;

// The 202 body's count, read without parsing the whole answer (the driver shares the collector's two cores).
const ACCEPTED = /"accepted":(\d+)/;

class PhaseRecorder {
  private latencies: number[] = [];
  /** Latencies by the second of the phase they were sent in, when asked: is the tail spread out or one burst? */
  private bySecond: number[][] = [];
  beacons = 0;
  events = 0;
  errors: Record<string, number> = {};
  constructor(
    readonly from: number,
    readonly to: number,
    private readonly perSecond = false,
  ) {}

  record(startedAt: number, intendedAt: number, doneAt: number, answer: TPost | Error): void {
    if (startedAt < this.from || doneAt > this.to) return;
    if (answer instanceof Error || answer.status !== 202) {
      const code = answer instanceof Error ? ((answer as { code?: string }).code ?? answer.message) : String(answer.status);
      this.errors[code] = (this.errors[code] ?? 0) + 1;
      return;
    }
    this.latencies.push(doneAt - intendedAt);
    if (this.perSecond) (this.bySecond[Math.floor((intendedAt - this.from) / 1000)] ??= []).push(doneAt - intendedAt);
    this.beacons += 1;
    this.events += Number(ACCEPTED.exec(answer.body)?.[1] ?? Number.NaN);
  }

  result(cpu: TCpuSpent, sentBeacons: number): TPhaseResult {
    const sorted = Float64Array.from(this.latencies).sort();
    const seconds = (this.to - this.from) / 1000;
    return {
      seconds,
      beacons: this.beacons,
      sentBeacons,
      events: this.events,
      eventsPerSecond: Math.round(this.events / seconds),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      p99BySecond: this.bySecond.filter((l) => l.length > 0).map((l) => percentile(Float64Array.from(l).sort(), 99)),
      max: percentile(sorted, 100),
      errors: this.errors,
      collectorCpuMsPerKEvents: perThousand(cpu.collectorMs, this.events),
      driverCpuMsPerKEvents: perThousand(cpu.driverMs, this.events),
      storeCpuMsPerKEvents: perThousand(cpu.storeMs, this.events),
      storeSplit: storeSplit(cpu, this.events),
    };
  }
}

function beaconBody(target: TLoadTarget, index: number): string {
  const template = target.templates[index % target.templates.length] as TBeaconTemplate;
  return fillTemplate(template, `${target.tag}-${Math.floor(index / BEACONS_PER_SESSION)}`, index % BEACONS_PER_SESSION, Date.now());
}

/** (a) `concurrency` senders, each posting its next beacon as soon as the last one was answered. */
async function closedLoop(target: TLoadTarget, concurrency: number, seconds: number, collectorPid: number | undefined): Promise<TPhaseResult> {
  const client = newClient(target.port);
  const start = performance.now();
  const recorder = new PhaseRecorder(start + WARMUP_SECONDS * 1000, start + (WARMUP_SECONDS + seconds) * 1000);
  let next = 0;
  let cpuAtStart: TCpuSnapshot | undefined;
  setTimeout(() => (cpuAtStart = cpuSnapshot(collectorPid)), WARMUP_SECONDS * 1000);
  const sender = async () => {
    while (performance.now() < recorder.to) {
      const body = beaconBody(target, next++);
      const startedAt = performance.now();
      const answer = await client.post(target.path, body).catch((error: Error) => error);
      recorder.record(startedAt, startedAt, performance.now(), answer);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  const cpu = cpuSince(cpuAtStart, collectorPid);
  client.destroy();
  return recorder.result(cpu, next);
}

/** (b) Beacons on a fixed schedule whatever the answers do; latency counts from the scheduled time. */
async function openLoop(target: TLoadTarget, eventsPerSecond: number, seconds: number, collectorPid: number | undefined): Promise<TPhaseResult> {
  const client = newClient(target.port);
  const beaconsPerMs = eventsPerSecond / EVENTS_PER_BEACON / 1000;
  const start = performance.now();
  const recorder = new PhaseRecorder(start + WARMUP_SECONDS * 1000, start + (WARMUP_SECONDS + seconds) * 1000, true);
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  let cpuAtStart: TCpuSnapshot | undefined;
  setTimeout(() => (cpuAtStart = cpuSnapshot(collectorPid)), WARMUP_SECONDS * 1000);
  while (performance.now() < recorder.to) {
    const now = performance.now();
    while (start + sent / beaconsPerMs <= now) {
      const intendedAt = start + sent / beaconsPerMs;
      const body = beaconBody(target, sent++);
      const startedAt = performance.now();
      const request: Promise<void> = client.post(target.path, body)
        .catch((error: Error) => error)
        .then((answer) => {
          recorder.record(startedAt, intendedAt, performance.now(), answer);
          inFlight.delete(request);
        });
      inFlight.add(request);
    }
    await sleep(1);
  }
  await Promise.all(inFlight);
  const cpu = cpuSince(cpuAtStart, collectorPid);
  client.destroy();
  return { ...recorder.result(cpu, sent), socketsOpened: client.opened };
}

// ---------------------------------------------------------------- baseline

const EVENT_COLUMNS = ['application_id', 'session_id', 'event_id', 'instance_id', 'seq', 'type', 'ts', 'url', 'user_tag', 'data', 'properties', 'session_properties'];

function insertSql(rows: number): string {
  const tuples: string[] = [];
  for (let row = 0; row < rows; row++) {
    const base = row * EVENT_COLUMNS.length;
    tuples.push(`(${EVENT_COLUMNS.map((_c, col) => `$${base + col + 1}${col >= 9 ? '::jsonb' : col === 6 ? '::timestamptz' : col === 4 ? '::int' : ''}`).join(',')})`);
  }
  return `INSERT INTO event (${EVENT_COLUMNS.join(', ')}) VALUES ${tuples.join(',')} ON CONFLICT (application_id, session_id, event_id) DO NOTHING`;
}

/** (c) The same rows, batches of `batchRows`, over `connections` plain pg connections. */
async function baseline(databaseUrl: string, applicationId: string, templates: TBeaconTemplate[], batchRows: number, connections: number, seconds: number): Promise<TPhaseResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  const text = insertSql(batchRows);
  const start = performance.now();
  const from = start + WARMUP_SECONDS * 1000;
  const to = from + seconds * 1000;
  let cpuAtStart: TCpuSnapshot | undefined;
  setTimeout(() => (cpuAtStart = cpuSnapshot(undefined)), WARMUP_SECONDS * 1000);
  let beacon = 0;
  let row = 0;
  let events = 0;
  const latencies: number[] = [];
  const nextBatch = (): unknown[] => {
    const values: unknown[] = [];
    for (let n = 0; n < batchRows; n++) {
      const template = templates[beacon % templates.length] as TBeaconTemplate;
      const event = template.rows[row] as TBeaconTemplate['rows'][number];
      const seq = beacon % BEACONS_PER_SESSION;
      values.push(applicationId, `base-${Math.floor(beacon / BEACONS_PER_SESSION)}`, `e-${seq}-${event.eventIdSuffix}`, `i-${beacon % templates.length}`, seq, event.type, event.ts, event.url, null, event.data, event.properties, event.sessionProperties);
      row += 1;
      if (row === template.rows.length) {
        row = 0;
        beacon += 1;
      }
    }
    return values;
  };
  const worker = async () => {
    while (performance.now() < to) {
      const values = nextBatch();
      const startedAt = performance.now();
      const result = await pool.query({ name: `bench-insert-${batchRows}`, text, values });
      const doneAt = performance.now();
      if (startedAt >= from && doneAt <= to) {
        events += result.rowCount ?? 0;
        latencies.push(doneAt - startedAt);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const cpu = cpuSince(cpuAtStart, undefined);
  await pool.end();
  const sorted = Float64Array.from(latencies).sort();
  return { seconds, beacons: latencies.length, sentBeacons: beacon, events, eventsPerSecond: Math.round(events / seconds), p50: percentile(sorted, 50), p99: percentile(sorted, 99), p99BySecond: [], max: percentile(sorted, 100), errors: {}, collectorCpuMsPerKEvents: Number.NaN, driverCpuMsPerKEvents: perThousand(cpu.driverMs, events), storeCpuMsPerKEvents: perThousand(cpu.storeMs, events), storeSplit: storeSplit(cpu, events) };
}

interface TRound {
  full: TPhaseResult;
  base: TPhaseResult;
  batchRows: number;
  /** session-close jobs sent per session the round's beacons belonged to. */
  schedulesPerSession: number;
  ratio: number;
}

/** The round with the median ratio (the lower middle one for an even count). */
function medianRound(rounds: readonly TRound[]): TRound {
  const sorted = [...rounds].sort((a, b) => a.ratio - b.ratio);
  return sorted[Math.floor((sorted.length - 1) / 2)] as TRound;
}

/**
 * Each phase starts from an empty `event` table and index, the collector's as well as the
 * baseline's, and from a fresh checkpoint: otherwise the checkpoint that one phase's WAL
 * triggers (max_wal_size) lands in whichever phase comes next. `live_session` is emptied too:
 * no worker closes the bench's sessions, so without it each round would upsert into the
 * sessions every earlier round left open.
 */
async function resetStore(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('TRUNCATE event, live_session');
    await client.query('CHECKPOINT').catch((error: Error) => log(`no CHECKPOINT before the phase (${error.message})`));
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- collector process

/** Cumulative group-commit sizes and session-close jobs sent, as /metrics tells. */
async function scrapeRoundCounters(port: number): Promise<{ rowsSum: number; commits: number; closeSchedules: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const values = (name: string) => [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].reduce((sum, match) => sum + Number(match[1]), 0);
  return { rowsSum: values('trailmark_ingest_batch_rows_sum'), commits: values('trailmark_ingest_batch_rows_count'), closeSchedules: values('trailmark_ingest_session_close_schedules_total') };
}

/** The collector's own beacon latency histogram (202s): cumulative counts by upper bound in seconds. */
async function scrapeBeaconLatency(port: number): Promise<Map<number, number>> {
  const buckets = new Map<number, number>();
  for (const line of (await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).split('\n')) {
    const match = /^trailmark_ingest_beacon_seconds_bucket\{le="([^"]+)",status="202"\} (\S+)$/.exec(line);
    if (match) buckets.set(match[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(match[1]), Number(match[2]));
  }
  return buckets;
}

/** The smallest bucket bound holding 99 % of the beacons answered between two scrapes, in ms. */
function serverP99BoundMs(before: Map<number, number>, after: Map<number, number>): number {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Number.POSITIVE_INFINITY) ?? 0) - (before.get(Number.POSITIVE_INFINITY) ?? 0);
  const bound = bounds.find((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0) >= 0.99 * total);
  return bound === undefined ? Number.NaN : bound * 1000;
}

/** Cumulative count of successful group commits, all of them and those within 50 ms. */
async function scrapeCommits(port: number): Promise<{ all: number; within50ms: number }> {
  const lines = (await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).split('\n');
  const bucket = (le: string) => {
    const line = lines.find((l) => l.startsWith('trailmark_ingest_commit_seconds_bucket{') && l.includes(`le="${le}"`) && l.includes('outcome="ok"'));
    return Number(line?.split(' ').at(-1) ?? Number.NaN);
  };
  return { all: bucket('+Inf'), within50ms: bucket('0.05') };
}

async function startCollector(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  log('building the collector bundle (npm run build -w @trailmark/collector)');
  execFileSync('npm', ['run', 'build', '-w', '@trailmark/collector'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  // BENCH_COLLECTOR_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" shows where the collector spends its time.
  const nodeArgs = (process.env['BENCH_COLLECTOR_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--enable-source-maps', join(ROOT, 'apps', 'collector', 'dist', 'main.js')], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the collector exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error('the collector did not become ready within 30 s');
}

function stopCollector(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// ---------------------------------------------------------------- report

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
const pad = (text: string, width: number) => text.padStart(width);

function printTable(rows: Array<[string, TPhaseResult, string]>): void {
  const header = `${'phase'.padEnd(44)}${pad('events/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('CPU ms/1k ev: collector', 25)}${pad('driver', 8)}${pad('store', 7)}${pad('(pg/redis/other)', 18)}  notes`;
  process.stdout.write(`${header}\n${'-'.repeat(header.length + 10)}\n`);
  for (const [name, r, note] of rows) {
    const errors = Object.entries(r.errors).map(([code, count]) => `${code}×${count}`).join(' ');
    process.stdout.write(`${name.padEnd(44)}${pad(String(r.eventsPerSecond), 10)}${pad(fmt(r.p50), 9)}${pad(fmt(r.p99), 9)}${pad(fmt(r.max), 9)}${pad(fmt(r.collectorCpuMsPerKEvents, 0), 25)}${pad(fmt(r.driverCpuMsPerKEvents, 0), 8)}${pad(fmt(r.storeCpuMsPerKEvents, 0), 7)}${pad(`(${fmt(r.storeSplit.postgres, 0)}/${fmt(r.storeSplit.redis, 0)}/${fmt(r.storeSplit.other, 0)})`, 18)}  ${note}${errors ? ` errors: ${errors}` : ''}\n`);
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  log(`${cpus().length} cores; ${flags.seconds} s per phase (+${WARMUP_SECONDS} s warm-up), concurrency ${flags.concurrency}`);
  const database = await createTestDatabase();
  const redis = createTestRedisPrefix();
  let collector: ChildProcess | undefined;
  const cleanup = async () => {
    await stopCollector(collector);
    await redis.cleanup().catch(() => undefined);
    await database.drop().catch(() => undefined);
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    const db = createPrismaClient(database.url);
    const app = await createApplication(db, { name: 'Bench', allowedOrigins: ['*'] });
    for (const definition of [
      { key: 'cart_value', dataType: 'double', scope: 'event' },
      { key: 'payment_method', dataType: 'string', scope: 'event' },
      { key: 'item_count', dataType: 'long', scope: 'event' },
      { key: 'loyalty_tier', dataType: 'string', scope: 'session' },
    ]) {
      await defineProperty(db, app.id, definition);
    }
    const { definitions } = await listProperties(db, app.id);
    await db.$disconnect();

    log(`pre-generating ${TEMPLATE_COUNT} beacon templates`);
    const templates = buildTemplates({ count: TEMPLATE_COUNT, applicationId: app.id, definitions, eventsPerBeacon: EVENTS_PER_BEACON, propertiesPerEvent: PROPERTIES_PER_EVENT });

    const port = await freePort();
    collector = await startCollector(
      {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: redis.redisUrl,
        COLLECTOR_PORT: String(port),
        COLLECTOR_REDIS_PREFIX: redis.prefix,
        QUEUE_PREFIX: `{${redis.prefix}}`,
        // The bench measures ingest, not the per-application throttle.
        COLLECTOR_RATE_LIMIT_PER_SEC: '10000000',
        TRAILMARK_SECRET: 'bench-ingest-secret-0123456789abcdef0123',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      port,
    );
    const path = `/api/v1/beacon?key=${encodeURIComponent(app.ingestKey)}`;

    // Rounds alternate collector and baseline, so a change in the machine's other load hits both alike.
    const rounds: TRound[] = [];
    for (let round = 1; round <= flags.rounds; round++) {
      await resetStore(database.url);
      log(`round ${round}/${flags.rounds}: (a) collector, closed loop, concurrency ${flags.concurrency}`);
      const before = await scrapeRoundCounters(port);
      const full = await closedLoop({ port, path, templates, tag: `full${round}` }, flags.concurrency, flags.seconds, collector.pid);
      const after = await scrapeRoundCounters(port);
      const batchRows = Math.max(EVENTS_PER_BEACON, Math.round((after.rowsSum - before.rowsSum) / Math.max(1, after.commits - before.commits)));
      const schedulesPerSession = (after.closeSchedules - before.closeSchedules) / Math.max(1, Math.ceil(full.sentBeacons / BEACONS_PER_SESSION));
      await resetStore(database.url);
      log(`round ${round}/${flags.rounds}: (c) baseline, pg multi-row INSERT of ${batchRows} rows, ${flags.baselineConnections} connections (collector idle)`);
      const base = await baseline(database.url, app.id, templates, batchRows, flags.baselineConnections, flags.seconds);
      rounds.push({ full, base, batchRows, schedulesPerSession, ratio: full.eventsPerSecond / Math.max(1, base.eventsPerSecond) });
    }
    const median = medianRound(rounds);
    const { full, base, batchRows, ratio } = median;

    const isHalfLoad = flags.openLoopRate === 0;
    const halfRate = isHalfLoad ? Math.round(full.eventsPerSecond / 2) : flags.openLoopRate;
    await resetStore(database.url);
    log(`(b) open loop at ${halfRate} events/s (${isHalfLoad ? 'half the median round' : '--open-loop-rate'})`);
    const commitsBefore = await scrapeCommits(port);
    const latencyBefore = await scrapeBeaconLatency(port);
    // The driver's own stalls (its GC, being descheduled) count in its latencies: measured to tell them apart.
    const driverDelay = monitorEventLoopDelay({ resolution: 5 });
    driverDelay.enable();
    const half = await openLoop({ port, path, templates, tag: 'half' }, halfRate, flags.seconds, collector.pid);
    driverDelay.disable();
    const serverP99Ms = serverP99BoundMs(latencyBefore, await scrapeBeaconLatency(port));
    const driverStallMs = { p99: Math.round(driverDelay.percentile(99) / 1e5) / 10, max: Math.round(driverDelay.max / 1e5) / 10 };
    const commitsAfter = await scrapeCommits(port);
    const halfCommits = commitsAfter.all - commitsBefore.all;
    const slowCommits = halfCommits - (commitsAfter.within50ms - commitsBefore.within50ms);
    await stopCollector(collector);

    process.stdout.write(`\nTrailmark ingest benchmark: ${cpus().length} cores, loopback, ${EVENTS_PER_BEACON} events × ${PROPERTIES_PER_EVENT} properties per beacon, ${flags.seconds} s per phase, ${flags.rounds} rounds\n\n`);
    printTable([
      ...rounds.flatMap((r, i): Array<[string, TPhaseResult, string]> => [
        [`(a${i + 1}) collector, closed loop, concurrency ${flags.concurrency}`, r.full, `${r.full.beacons} beacons, mean commit ${r.batchRows} rows, ${r.schedulesPerSession.toFixed(2)} close jobs sent per session`],
        [`(c${i + 1}) baseline: pg INSERT ${r.batchRows} rows, ${flags.baselineConnections} conns`, r.base, `ratio ${r.ratio.toFixed(2)}${r === median ? '  <- median round' : ''}`],
      ]),
      [`(b) collector, open loop at ${halfRate} ev/s`, half, `${half.beacons} beacons; ${slowCommits} of ${halfCommits} group commits took > 50 ms in Postgres; collector's own p99 <= ${serverP99Ms} ms; driver stalls p99 ${driverStallMs.p99} ms, max ${driverStallMs.max} ms; ${half.socketsOpened ?? 0} sockets opened; p99 of each second ${fmt(Math.min(...half.p99BySecond))}–${fmt(Math.max(...half.p99BySecond))} ms`],
    ]);
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    process.stdout.write(
      `\nratio collector/baseline events/s (median of ${flags.rounds} rounds): ${ratio.toFixed(2)}; rounds: ${rounds.map((r) => r.ratio.toFixed(2)).join(', ')}\n` +
        `targets: >= ${TARGETS.eventsPerSecond} events/s: ${verdict(full.eventsPerSecond >= TARGETS.eventsPerSecond)} (${full.eventsPerSecond}); ` +
        `>= ${TARGETS.baselineRatio}x baseline: ${verdict(ratio >= TARGETS.baselineRatio)} (${ratio.toFixed(2)}x); ` +
        (isHalfLoad ? `p99 < ${TARGETS.p99HalfLoadMs} ms at half load: ${verdict(half.p99 < TARGETS.p99HalfLoadMs)} (${fmt(half.p99)} ms)\n` : `p99 at ${halfRate} ev/s: ${fmt(half.p99)} ms (not half load: no verdict)\n`),
    );
    process.stdout.write(
      `${JSON.stringify({
        bench: 'ingest',
        cores: cpus().length,
        seconds: flags.seconds,
        concurrency: flags.concurrency,
        eventsPerBeacon: EVENTS_PER_BEACON,
        propertiesPerEvent: PROPERTIES_PER_EVENT,
        collector: { eventsPerSecond: full.eventsPerSecond, p50Ms: full.p50, p99Ms: full.p99, errors: full.errors, cpuMsPer1kEvents: full.collectorCpuMsPerKEvents, driverCpuMsPer1kEvents: full.driverCpuMsPerKEvents, storeCpuMsPer1kEvents: full.storeCpuMsPerKEvents, storeSplitCpuMsPer1kEvents: full.storeSplit, meanCommitRows: batchRows, closeJobsPerSession: Math.round(median.schedulesPerSession * 100) / 100 },
        halfLoad: { targetEventsPerSecond: halfRate, eventsPerSecond: half.eventsPerSecond, p50Ms: half.p50, p99Ms: half.p99, p99BySecondMs: half.p99BySecond.map((ms) => Math.round(ms * 10) / 10), errors: half.errors, commits: halfCommits, commitsOver50Ms: slowCommits, collectorP99BoundMs: serverP99Ms, driverStallMs, socketsOpened: half.socketsOpened },
        baseline: { eventsPerSecond: base.eventsPerSecond, batchRows, connections: flags.baselineConnections, p50Ms: base.p50, p99Ms: base.p99, storeCpuMsPer1kEvents: base.storeCpuMsPerKEvents, storeSplitCpuMsPer1kEvents: base.storeSplit },
        ratio: Math.round(ratio * 100) / 100,
        rounds: rounds.map((r) => ({ eventsPerSecond: r.full.eventsPerSecond, baselineEventsPerSecond: r.base.eventsPerSecond, ratio: Math.round(r.ratio * 100) / 100 })),
        pass: { eventsPerSecond: full.eventsPerSecond >= TARGETS.eventsPerSecond, ratio: ratio >= TARGETS.baselineRatio, p99HalfLoad: isHalfLoad ? half.p99 < TARGETS.p99HalfLoadMs : null },
      })}\n`,
    );
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
