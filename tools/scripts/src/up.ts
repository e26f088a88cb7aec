// `npm run up`: database, migrations, demo data, build, and every app running — one command.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ZCollectorEnv, ZConsoleEnv, parseEnv } from '@trailmark/config';
import { createPrismaClient, migrateDatabase } from '@trailmark/db';
import { seedDatabase } from '@trailmark/services';
import { ensureEnvFile } from './env-file';
import { checkServices } from './services';

const root = join(__dirname, '..', '..', '..');
const children: ChildProcess[] = [];

function log(message: string): void {
  console.log(`trailmark: ${message}`);
}

function runOrFail(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = root): void {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd = root): void {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      log(`${name} exited (${signal ?? code}); stopping everything`);
      void stopAll(1);
    }
  });
  children.push(child);
}

async function waitFor(name: string, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${name} did not become ready at ${url} within ${timeoutMs / 1000} s`);
}

let shuttingDown = false;
async function stopAll(code: number): Promise<never> {
  shuttingDown = true;
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  process.exit(code);
}

async function seedDemoTraffic(env: NodeJS.ProcessEnv, applicationId: string): Promise<void> {
  const sessions = env['TRAILMARK_DEMO_SESSIONS'] ?? '300';
  log(`generating ${sessions} demo sessions over 3 days through the collector …`);
  runOrFail(process.execPath, [join(root, 'tools/cli/bin/trailmark.cjs'), 'generate', '--app', applicationId, '--sessions', sessions, '--days', '3'], env);
  runOrFail(process.execPath, [join(root, 'tools/cli/bin/trailmark.cjs'), 'sessions', 'close-expired'], env);
}

async function main(): Promise<void> {
  const fileEnv = ensureEnvFile(join(root, '.env.local'));
  const env: NodeJS.ProcessEnv = { ...fileEnv, ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NEXT_TELEMETRY_DISABLED: '1' };
  const collector = parseEnv(ZCollectorEnv, env);
  const consoleEnv = parseEnv(ZConsoleEnv, { ...env, COLLECTOR_PUBLIC_URL: env['COLLECTOR_PUBLIC_URL'] ?? `http://127.0.0.1:${collector.COLLECTOR_PORT}` });
  await checkServices(collector.DATABASE_URL, collector.REDIS_URL);

  log('applying migrations …');
  const migrated = await migrateDatabase(collector.DATABASE_URL);
  log(migrated.applied.length > 0 ? `applied ${migrated.applied.join(', ')}` : 'database is up to date');

  const demo = env['TRAILMARK_DEMO'] !== '0';
  const db = createPrismaClient(collector.DATABASE_URL);
  const seeded = await seedDatabase(db, { demo });
  const hasTraffic = seeded.application ? (await db.event.count({ where: { applicationId: seeded.application.id } })) > 0 : true;
  await db.$disconnect();

  log('building collector, worker and console …');
  runOrFail('npx', ['nx', 'run-many', '-t', 'build', '--projects=@trailmark/collector,@trailmark/worker,@trailmark/console', '--output-style=stream-without-prefixes'], env);

  const appEnv = { ...env, COLLECTOR_PUBLIC_URL: consoleEnv.COLLECTOR_PUBLIC_URL };
  start('collector', process.execPath, ['--enable-source-maps', 'apps/collector/dist/main.js'], appEnv);
  start('worker', process.execPath, ['--enable-source-maps', 'apps/worker/dist/main.js'], appEnv);
  // next's own bin, not `npx next`: npx does not pass our SIGTERM on, and next-server would outlive us.
  const nextBin = createRequire(join(root, 'apps/console/package.json')).resolve('next/dist/bin/next');
  start('console', process.execPath, [nextBin, 'start', '-p', String(consoleEnv.CONSOLE_PORT), '-H', '127.0.0.1'], appEnv, join(root, 'apps/console'));
  const collectorUrl = `http://127.0.0.1:${collector.COLLECTOR_PORT}`;
  const consoleUrl = `http://127.0.0.1:${consoleEnv.CONSOLE_PORT}`;
  await waitFor('collector', `${collectorUrl}/readyz`);
  await waitFor('console', `${consoleUrl}/api/healthz`);

  if (demo && seeded.application && !hasTraffic) await seedDemoTraffic(appEnv, seeded.application.id);

  console.log(
    [
      '',
      'Trailmark is running.',
      `  console    ${consoleUrl}`,
      `  collector  ${collectorUrl}  (beacons, SDK config, REST API, /healthz, /metrics)`,
      `  sign in    ${seeded.admin.email} / ${seeded.admin.password}`,
      ...(seeded.application ? [`  demo app   ${seeded.application.name} (${seeded.application.id}), ingest key ${seeded.application.ingestKey}`] : []),
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
void main().catch((error: unknown) => {
  console.error(`trailmark: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
