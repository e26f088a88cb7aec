import { createConnection } from 'node:net';

function reachable(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function hostPort(url: string, fallbackPort: number): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port) || fallbackPort };
}

/** Fails with a message that says how to start whatever is down. */
export async function checkServices(
  databaseUrl = process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/trailmark',
  redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
): Promise<void> {
  const pg = hostPort(databaseUrl, 5432);
  const redis = hostPort(redisUrl, 6379);
  const problems: string[] = [];
  if (!(await reachable(pg.host, pg.port))) {
    problems.push(`PostgreSQL is not reachable at ${pg.host}:${pg.port} — start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`);
  }
  if (!(await reachable(redis.host, redis.port))) {
    problems.push(`Redis is not reachable at ${redis.host}:${redis.port} — start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
