import { createServer, type Server } from 'node:http';
import { runProbes, type TProbe } from '@trailmark/runtime';

export interface THealthServer {
  port: number;
  setReady(isReady: boolean): void;
  close(): Promise<void>;
}

/** /healthz: the process is up. /readyz: it can reach Postgres and Redis and is not shutting down. */
export async function startHealthServer(port: number, probes: Record<string, TProbe>): Promise<THealthServer> {
  let isReady = false;
  const server: Server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.url === '/healthz') return reply(200, { ok: true });
    if (request.url !== '/readyz') return reply(404, { ok: false });
    if (!isReady) return reply(503, { ok: false, reason: 'not ready' });
    void runProbes(probes).then((report) => reply(report.ok ? 200 : 503, report));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    setReady: (value) => void (isReady = value),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
