import { freePort } from '@trailmark/testing';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';


export interface TChildCollector {
  url: string;
  process: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

const appDir = join(__dirname, '..');

/** Bundles src/main.ts exactly as `npm run build` does. */
export function buildCollector(): void {
  execFileSync(process.execPath, [join(appDir, '../../tools/scripts/build-node-app.mjs'), 'src/main.ts', 'dist/main.js'], { cwd: appDir, stdio: 'ignore' });
}

/** The real collector bundle (`npm start`) as a child process, ready when /healthz answers. */
export async function startChildCollector(env: Record<string, string>, port: number): Promise<TChildCollector> {
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
    cwd: appDir,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, COLLECTOR_PORT: String(port), COLLECTOR_HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`collector exited early: ${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, process: child, exited };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`collector did not start: ${stderr}`);
}

export { freePort };
