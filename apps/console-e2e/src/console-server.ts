import { freePort } from '@trailmark/testing';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';


export interface TConsoleServer {
  url: string;
  stop(): Promise<void>;
}

/** Runs the built console (`next start`) against the given database, as an operator would. */
export async function startConsole(env: Record<string, string>): Promise<TConsoleServer> {
  const port = await freePort();
  const cwd = join(__dirname, '..', '..', 'console');
  const child: ChildProcess = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd,
    env: { ...process.env, ...env, CONSOLE_PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`console exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/healthz`)).ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`console did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
