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
  router.get('/metrics', async (_req, res, next) => {
    try {
      const text = await (deps.metricsText ?? (() => deps.registry.metrics()))();
      res.setHeader('Content-Type', deps.registry.contentType);
      res.status(200).send(text);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
