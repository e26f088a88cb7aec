import type { RequestListener } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { TrailmarkError } from '@trailmark/errors';
import type { TIngest } from '@trailmark/ingest';
import type { Logger } from '@trailmark/logger';
import type { TProbe } from '@trailmark/runtime';
import type { Registry } from 'prom-client';
import { beaconHandler } from './routes/beacon-routes';
import { configRoutes } from './routes/config-routes';
import { opsRoutes } from './routes/ops-routes';
import { usqlRoutes, type TUsqlRouteDeps } from './routes/usql';
import { sendError } from './send-error';

export interface TCollectorDeps {
  ingest: Pick<TIngest, 'pipeline' | 'configs' | 'metrics'>;
  registry: Registry;
  /** The text /metrics answers; by default the registry's (a cluster worker asks the primary for all workers'). */
  metricsText?: () => Promise<string>;
  probes: Record<string, TProbe>;
  logger: Logger;
  trustProxy: boolean;
  /** The REST User Sessions API; without it those routes answer 503. */
  usql?: TUsqlRouteDeps;
}

/**
 * The collector's HTTP surface from injected dependencies, so tests can listen on port 0. The
 * beacon route (the hot one) is answered on node's own request and response; Express the rest.
 */
export function createApp(deps: TCollectorDeps): RequestListener {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  if (deps.trustProxy) app.set('trust proxy', true);
  app.use(configRoutes(deps));
  app.use(opsRoutes(deps));
  app.use(usqlRoutes(deps));
  app.use((_req: Request, res: Response) => {
    sendError(res, new TrailmarkError('NOT_FOUND', 'no such route'), deps.logger);
  });
  // Express' own failures (a malformed URL, say) are the client's when they carry a 4xx status.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: unknown }).status;
    const isClientError = typeof status === 'number' && status >= 400 && status < 500;
    sendError(res, isClientError ? new TrailmarkError('VALIDATION', 'malformed request') : error, deps.logger);
  });
  const beacon = beaconHandler(deps);
  return (req, res) => {
    if (!beacon(req, res)) app(req, res);
  };
}
