import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { TrailmarkError } from '@trailmark/errors';
import { MAX_BODY_BYTES, decideCors, readBody, type TAppConfig, type TCorsDecision } from '@trailmark/ingest';
import type { TCollectorDeps } from '../create-app';
import { applyCors, applyPreflight } from '../cors-headers';
import { sendError, sendJson } from '../send-error';
import { clientIpOf, ingestKeyOf, single } from '../request-values';

const BEACON_PATH = '/api/v1/beacon';

function originNotAllowed(origin: string): TrailmarkError {
  return new TrailmarkError('FORBIDDEN', `origin ${origin} is not allowed for this application`, {
    issues: [{ path: 'origin', rule: 'allowed_origins', message: 'add it to the application\'s allowed origins' }],
  });
}

function corsFor(req: IncomingMessage, config: TAppConfig): TCorsDecision {
  const origin = single(req.headers.origin);
  const decision = decideCors(origin, config.allowedOrigins);
  if (decision.kind === 'deny') throw originNotAllowed(origin ?? '');
  return decision;
}

/** The query string of `url` when its path is the beacon route as Express would match it (any case, optional trailing slash). */
function beaconQueryOf(url: string): string | null {
  const mark = url.indexOf('?');
  let path = mark === -1 ? url : url.slice(0, mark);
  if (path.length === BEACON_PATH.length + 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path.length !== BEACON_PATH.length || path.toLowerCase() !== BEACON_PATH) return null;
  return mark === -1 ? '' : url.slice(mark + 1);
}

export type TBeaconHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * `POST` and `OPTIONS /api/v1/beacon` on node's own request and response, before Express: the
 * hot route skips Express' per-request setup and routing. Returns false for any other request.
 */
export function beaconHandler(deps: TCollectorDeps): TBeaconHandler {
  const { pipeline, metrics } = deps.ingest;

  // A preflight carries ?key= but never the header: without a key in the URL the app is unknown,
  // so the preflight is let through and the POST itself enforces the allowed origins.
  async function preflight(req: IncomingMessage, res: ServerResponse, query: Record<string, unknown>): Promise<void> {
    const origin = single(req.headers.origin);
    const key = single(query['key']);
    try {
      const decision: TCorsDecision = key ? corsFor(req, await pipeline.authenticate(key)) : origin ? { kind: 'allow', allowOrigin: origin } : { kind: 'none' };
      applyPreflight(res, decision, 'POST, OPTIONS');
      res.statusCode = 204;
      res.end();
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  }

  async function beacon(req: IncomingMessage, res: ServerResponse, query: Record<string, unknown>): Promise<void> {
    const receivedAt = Date.now();
    const started = performance.now();
    try {
      const config = await pipeline.authenticate(ingestKeyOf(query, req));
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
      sendJson(res, 202, answer);
    } catch (error) {
      const sent = sendError(res, error, deps.logger);
      metrics.rejectedBeacons.inc({ code: sent.code });
    }
    metrics.beaconSeconds.observe({ status: String(res.statusCode) }, (performance.now() - started) / 1000);
  }

  return (req, res) => {
    if (req.method !== 'POST' && req.method !== 'OPTIONS') return false;
    const search = beaconQueryOf(req.url ?? '');
    if (search === null) return false;
    const query = search === '' ? {} : parseQuery(search);
    void (req.method === 'POST' ? beacon(req, res, query) : preflight(req, res, query));
    return true;
  };
}
