import { Router } from 'express';
import { runProbes } from '@trailmark/runtime';
import type { TCollectorDeps } from '../create-app';

export function opsRoutes(deps: TCollectorDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.status(200).json({ ok: true });
  });
  router.get('/readyz', async (_req, res) => {
    const report = await runProbes(deps.probes);
    res.status(report.ok ? 200 : 503).json(report);
  });
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', deps.registry.contentType);
    res.status(200).send(await deps.registry.metrics());
  });
  return router;
}
