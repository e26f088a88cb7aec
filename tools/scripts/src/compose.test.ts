import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ZCollectorEnv, ZConsoleEnv, ZWorkerEnv, parseEnv } from '@trailmark/config';

// No Docker engine runs here, so the compose file is checked the way compose would read it.
const root = join(__dirname, '..', '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; healthcheck?: unknown; command?: string[] }>;
};

/** Compose's `${VAR:-default}` / `${VAR:?message}` interpolation, with the operator's values. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, arg?: string) => {
    const set = vars[name];
    if (set !== undefined && set !== '') return set;
    if (kind === '-') return arg ?? '';
    throw new Error(`${name} is required: ${arg}`);
  });
}

function environmentOf(service: string, vars: Record<string, string>): Record<string, string> {
  const env = compose.services[service]?.environment ?? {};
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, interpolate(String(value), vars)]));
}

const operatorVars = { TRAILMARK_SECRET: 'a'.repeat(48) };

describe('docker-compose.yml', () => {
  it.each([
    ['collector', ZCollectorEnv],
    ['worker', ZWorkerEnv],
    ['console', ZConsoleEnv],
    ['migrate', ZWorkerEnv.pick({ DATABASE_URL: true })],
  ] as const)('gives %s an environment its env schema accepts', (service, schema) => {
    expect(() => parseEnv(schema, environmentOf(service, operatorVars))).not.toThrow();
  });

  it('refuses to start without TRAILMARK_SECRET', () => {
    expect(() => environmentOf('collector', {})).toThrow(/TRAILMARK_SECRET is required/);
  });

  it('points the apps at the compose services, not localhost', () => {
    const env = environmentOf('collector', operatorVars);
    expect(new URL(env['DATABASE_URL'] ?? '').hostname).toBe('postgres');
    expect(new URL(env['REDIS_URL'] ?? '').hostname).toBe('redis');
  });

  it('starts apps only after migrations and has a health check on every long-running service', () => {
    for (const service of ['collector', 'worker', 'console']) {
      expect(compose.services[service]?.depends_on?.['migrate']?.condition).toBe('service_completed_successfully');
      expect(compose.services[service]?.healthcheck).toBeDefined();
    }
    for (const service of ['postgres', 'redis']) expect(compose.services[service]?.healthcheck).toBeDefined();
  });

  it('runs the built entry points the Dockerfile produces', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/FROM .* AS build/);
    expect(compose.services['collector']?.command).toContain('apps/collector/dist/main.js');
    expect(compose.services['worker']?.command).toContain('apps/worker/dist/main.js');
  });
});
