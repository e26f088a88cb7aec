import { Router, type Request, type Response } from 'express';
import { TrailmarkError } from '@trailmark/errors';
import { decideCors, type TAppConfig } from '@trailmark/ingest';
import type { TCollectorDeps } from '../create-app';
import { applyCors, applyPreflight } from '../cors-headers';
import { sendError } from '../send-error';
import { single } from '../request-values';

const CONFIG_PATH = '/api/v1/config/:app';
// Short enough that SDKs pick up new definitions soon; the ETag makes the revalidation cheap.
const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** The SDK's capture config: what to capture (§4.2) and the settings the SDK applies itself. */
export function captureConfigOf(config: TAppConfig) {
  return {
    app: config.applicationId,
    configVersion: config.configVersion,
    settings: {
      sessionTimeoutMs: config.sessionTimeoutMs,
      maxSessionDurationMs: config.maxSessionDurationMs,
      honourDnt: config.honourDnt,
    },
    definitions: config.definitions.map((d) => ({
      key: d.key,
      scope: d.scope,
      type: d.dataType,
      source: d.source,
      expression: d.expression,
      maxLength: d.dataType === 'string' ? (d.maxLength ?? 1000) : null,
      cleanupRule: d.cleanupRule,
      honourDnt: d.honourDnt,
    })),
  };
}

const etagOf = (config: TAppConfig) => `"${encodeURIComponent(config.applicationId)}.v${config.configVersion}"`;

function isFresh(req: Request, etag: string): boolean {
  const header = single(req.headers['if-none-match']);
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

async function loadConfig(deps: TCollectorDeps, req: Request): Promise<TAppConfig> {
  const id = single(req.params['app']) ?? '';
  const config = await deps.ingest.configs.byApplicationId(id);
  if (!config) throw new TrailmarkError('NOT_FOUND', `no application ${id}`, { issues: [{ path: 'app', rule: 'exists', message: `no application ${id}` }] });
  const origin = single(req.headers.origin);
  const decision = decideCors(origin, config.allowedOrigins);
  if (decision.kind === 'deny') throw new TrailmarkError('FORBIDDEN', `origin ${origin} is not allowed for this application`);
  return config;
}

export function configRoutes(deps: TCollectorDeps): Router {
  const router = Router();
  router.options(CONFIG_PATH, async (req: Request, res: Response) => {
    try {
      const config = await loadConfig(deps, req);
      applyPreflight(res, decideCors(single(req.headers.origin), config.allowedOrigins), 'GET, OPTIONS');
      res.status(204).end();
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });
  router.get(CONFIG_PATH, async (req: Request, res: Response) => {
    try {
      const config = await loadConfig(deps, req);
      applyCors(res, decideCors(single(req.headers.origin), config.allowedOrigins));
      const etag = etagOf(config);
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', CACHE_CONTROL);
      if (isFresh(req, etag)) return void res.status(304).end();
      res.status(200).json(captureConfigOf(config));
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });
  return router;
}
