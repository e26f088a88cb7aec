// `npm test`: every check the project has, in the order that fails fastest.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkServices } from './services';

const root = join(__dirname, '..', '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };

const stages: Array<{ name: string; args: string[] }> = [
  { name: 'typecheck, lint and unit tests', args: ['run-many', '-t', 'typecheck', 'lint', 'test', '--parallel=2', '--output-style=stream-without-prefixes'] },
  { name: 'integration tests (real Postgres and Redis)', args: ['run-many', '-t', 'test:integration', '--parallel=2', '--output-style=stream-without-prefixes'] },
  { name: 'browser tests (headless Chromium)', args: ['run-many', '-t', 'e2e', '--parallel=1', '--output-style=stream-without-prefixes'] },
];

async function main(): Promise<void> {
  await checkServices();
  const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
  for (const stage of stages) {
    console.log(`\n=== ${stage.name} ===`);
    const started = Date.now();
    const run = spawnSync('npx', ['nx', ...stage.args], { cwd: root, env, stdio: 'inherit' });
    results.push({ name: stage.name, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
    if (run.status !== 0) break;
  }
  console.log('\n=== summary ===');
  for (const result of results) console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name} (${result.seconds} s)`);
  const failed = results.filter((result) => !result.ok).length;
  const skipped = stages.length - results.length;
  console.log(`stages: ${results.length - failed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exit(failed === 0 && skipped === 0 ? 0 : 1);
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
