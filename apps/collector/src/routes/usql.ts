import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { PrismaClient } from '@trailmark/db';
import { TrailmarkError, httpStatusOf, isTrailmarkError, toFieldIssues } from '@trailmark/errors';
import type { Logger } from '@trailmark/logger';
import { ZUsqlRequest, createPgExecutor, runUsqlQuery, type TUsqlCaller, type TUsqlExecutor, type TUsqlResultShape } from '@trailmark/query';
import { verifyApiToken } from '@trailmark/services';
import { isUsqlError } from '@trailmark/usql';
import { single } from '../request-values';

/** What the USQL API needs besides the collector's own deps. */
export interface TUsqlRouteDeps {
  /** Tokens, applications and property definitions. */
  db: PrismaClient;
  /** Runs the generated statement (its own pool, so analytics never starve ingest). */
  pool: pg.Pool;
  redis: Redis;
  redisPrefix?: string;
  /** Queries per token per window (default 60 per 60 s). */
  rateLimit?: { points: number; durationSeconds: number };
  statementTimeoutMs?: number;
  now?: () => number;
}

export interface TUsqlRoutesInput {
  logger: Logger;
  /** Absent until the collector wires a store for queries: the routes then answer 503. */
  usql?: TUsqlRouteDeps;
}

const BASES = ['/api/v1/usql', '/api/v1/userSessionQueryLanguage'] as const;
const SHAPES: readonly TUsqlResultShape[] = ['table', 'tree'];
const REQUIRED_SCOPE = 'usql:read';
const AUTH_SCHEME = /^Api-Token\s+(\S+)\s*$/i;
const jsonBody = express.json({ limit: '64kb', strict: true });

/** USQL error bodies: `{"error": {code, message, line, column}}`; other errors `{"error": {code, message[, issues]}}`. */
function sendUsqlError(res: Response, error: unknown, logger: Logger): void {
  if (isUsqlError(error)) {
    res.status(httpStatusOf(error.code)).json({ error: error.toUsqlBody() });
    return;
  }
  const known = isTrailmarkError(error) ? error : new TrailmarkError('INTERNAL', 'unexpected error', { cause: error });
  if (!isTrailmarkError(error) || known.code === 'INTERNAL') logger.error({ err: error }, 'USQL query failed');
  if (known.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Api-Token');
  const retryAfter = known.details['retryAfterSeconds'];
  if (known.code === 'RATE_LIMITED' && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  res.status(httpStatusOf(known.code)).json({
    error: { code: known.code, message: known.message, ...(known.issues.length > 0 ? { issues: known.issues } : {}) },
  });
}

function tokenOf(req: Request): string {
  const header = single(req.headers.authorization);
  if (!header) throw new TrailmarkError('UNAUTHENTICATED', 'send the header `Authorization: Api-Token <token>`');
  const match = AUTH_SCHEME.exec(header);
  if (!match) throw new TrailmarkError('UNAUTHENTICATED', 'the Authorization header must be `Api-Token <token>`');
  return match[1] as string;
}

function paramsOf(req: Request): unknown {
  const query = req.query as Record<string, unknown>;
  if (req.method !== 'POST') return query;
  const body: unknown = req.body;
  if (body === undefined || body === null) return query;
  if (typeof body !== 'object' || Array.isArray(body)) throw new TrailmarkError('VALIDATION', 'the body must be a JSON object of the query parameters');
  return { ...query, ...(body as Record<string, unknown>) };
}

function createLimiter(deps: TUsqlRouteDeps): RateLimiterRedis {
  const limit = deps.rateLimit ?? { points: 60, durationSeconds: 60 };
  return new RateLimiterRedis({
    storeClient: deps.redis,
    keyPrefix: `${deps.redisPrefix ?? 'trailmark'}:usql-rate`,
    points: limit.points,
    duration: limit.durationSeconds,
    rejectIfRedisNotReady: true,
  });
}

async function consume(limiter: RateLimiterRedis, tokenId: string): Promise<void> {
  try {
    await limiter.consume(tokenId);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new TrailmarkError('RATE_LIMITED', `too many queries for this token; retry in ${retryAfterSeconds} s`, { details: { retryAfterSeconds } });
    }
    throw new TrailmarkError('STORE_UNAVAILABLE', 'the rate limiter is not reachable', { cause: rejection });
  }
}

/** `GET`/`POST /api/v1/usql/{table,tree}` (and the `userSessionQueryLanguage` aliases), USQL.md §6. */
export function usqlRoutes(input: TUsqlRoutesInput): Router {
  const router = Router();
  const { logger, usql: deps } = input;
  const limiter = deps ? createLimiter(deps) : undefined;
  const executor: TUsqlExecutor | undefined = deps ? createPgExecutor(deps.pool) : undefined;

  const handle = (shape: TUsqlResultShape) => async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      if (!deps || !limiter || !executor) throw new TrailmarkError('STORE_UNAVAILABLE', 'USQL queries are not configured on this collector');
      const grant = await verifyApiToken(deps.db, tokenOf(req));
      if (!grant.scopes.includes(REQUIRED_SCOPE)) throw new TrailmarkError('FORBIDDEN', `this token lacks the scope ${REQUIRED_SCOPE}`);
      await consume(limiter, grant.tokenId);
      const parsed = ZUsqlRequest.safeParse(paramsOf(req));
      if (!parsed.success) {
        const issues = toFieldIssues(parsed.error.issues);
        throw new TrailmarkError('VALIDATION', issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), { issues });
      }
      const caller: TUsqlCaller = { applicationIds: grant.applicationIds, canSeeSql: false };
      const result = await runUsqlQuery({ db: deps.db, executor, statementTimeoutMs: deps.statementTimeoutMs, now: deps.now }, caller, parsed.data, shape);
      res.status(200).json(result);
    } catch (error) {
      sendUsqlError(res, error, logger);
    }
  };

  // A malformed JSON body is the client's mistake, answered in this API's error shape.
  const parseJson = (req: Request, res: Response, next: NextFunction) => {
    jsonBody(req, res, (error?: unknown) => {
      if (error) return sendUsqlError(res, new TrailmarkError('VALIDATION', 'the body is not valid JSON'), logger);
      next();
    });
  };

  for (const base of BASES) {
    for (const shape of SHAPES) {
      router.get(`${base}/${shape}`, handle(shape));
      router.post(`${base}/${shape}`, parseJson, handle(shape));
    }
  }
  return router;
}
