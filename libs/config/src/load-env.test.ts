import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTrailmarkError } from '@trailmark/errors';
import { ZCollectorEnv, ZWorkerEnv, findEnvFile, parseEnv, withEnvFile } from './index';

const SECRET = 'x'.repeat(40);

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    const env = parseEnv(ZCollectorEnv, { TRAILMARK_SECRET: SECRET });
    expect(env).toMatchObject({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/trailmark',
      REDIS_URL: 'redis://127.0.0.1:6379',
      COLLECTOR_PORT: 8080,
      LOG_LEVEL: 'info',
    });
  });

  it('names every bad or missing variable in one error', () => {
    let caught: unknown;
    try {
      parseEnv(ZWorkerEnv, { DATABASE_URL: 'mysql://x', REDIS_URL: 'nope', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(isTrailmarkError(caught)).toBe(true);
    const message = (caught as Error).message;
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL', 'TRAILMARK_SECRET']) expect(message).toContain(name);
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv(ZCollectorEnv, { TRAILMARK_SECRET: SECRET, COLLECTOR_PORT: '' }).COLLECTOR_PORT).toBe(8080);
  });

  it('rejects a port out of range', () => {
    expect(() => parseEnv(ZCollectorEnv, { TRAILMARK_SECRET: SECRET, COLLECTOR_PORT: '70000' })).toThrow(/COLLECTOR_PORT/);
  });
});

describe('env file', () => {
  it('is found upward and never overrides the real environment', () => {
    const root = mkdtempSync(join(tmpdir(), 'tm-env-'));
    mkdirSync(join(root, 'apps', 'collector'), { recursive: true });
    writeFileSync(join(root, '.env.local'), `TRAILMARK_SECRET=${SECRET}\nLOG_LEVEL=debug\n`);
    const file = findEnvFile(join(root, 'apps', 'collector'));
    expect(file).toBe(join(root, '.env.local'));
    const merged = withEnvFile({ LOG_LEVEL: 'warn' }, file);
    expect(merged).toMatchObject({ TRAILMARK_SECRET: SECRET, LOG_LEVEL: 'warn' });
  });
});
