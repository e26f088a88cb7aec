import { Router, type Request, type Response } from 'express';
import { TrailmarkError } from '@trailmark/errors';
import { MAX_BODY_BYTES, decideCors, readBody, type TAppConfig, type TCorsDecision } from '@trailmark/ingest';
import type { TCollectorDeps } from '../create-app';
import { applyCors, applyPreflight } from '../cors-headers';
import { sendError } from '../send-error';
import { clientIpOf, ingestKeyOf, single } from '../request-values';

const BEACON_PATH = '/api/v1/beacon';

function originNotAllowed(origin: string): TrailmarkError {
  return new TrailmarkError('FORBIDDEN', `origin ${origin} is not allowed for this application`, {
    issues: [{ path: 'origin', rule: 'allowed_origins', message: 'add it to the application\'s allowed origins' }],
  });
}

function corsFor(req: Request, config: TAppConfig): TCorsDecision {
  const origin = single(req.headers.origin);
  const decision = decideCors(origin, config.allowedOrigins);
  if (decision.kind === 'deny') throw originNotAllowed(origin ?? '');
  return decision;
}

export function beaconRoutes(deps: TCollectorDeps): Router {
  const router = Router();
  const { pipeline, metrics } = deps.ingest;

  // A preflight carries ?key= but never the header: without a key in the URL the app is unknown,
  // so the preflight is let through and the POST itself enforces the allowed origins.
  router.options(BEACON_PATH, async (req: Request, res: Response) => {
    const origin = single(req.headers.origin);
    const key = single(req.query['key']);
    try {
      const decision: TCorsDecision = key ? corsFor(req, await pipeline.authenticate(key)) : origin ? { kind: 'allow', allowOrigin: origin } : { kind: 'none' };
      applyPreflight(res, decision, 'POST, OPTIONS');
      res.status(204).end();
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });

  router.post(BEACON_PATH, async (req: Request, res: Response) => {
    const receivedAt = Date.now();
    try {
      const config = await pipeline.authenticate(ingestKeyOf(req));
      applyCors(res, corsFor(req, config));
      const contentType = req.headers['content-type'];
      const contentEncoding = single(req.headers['content-encoding']);
      await pipeline.admit(config, { contentType, contentEncoding });
      const body = await readBody(req, MAX_BODY_BYTES, single(req.headers['content-length']));
      const answer = await pipeline.ingest(config, {
        contentType,
        contentEncoding,
        body,
        ip: clientIpOf(req, deps.trustProxy),
        userAgent: req.headers['user-agent'],
        receivedAt,
      });
      res.status(202).json(answer);
    } catch (error) {
      const sent = sendError(res, error, deps.logger);
      metrics.rejectedBeacons.inc({ code: sent.code });
    }
  });
  return router;
}
