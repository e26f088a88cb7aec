import type { Response } from 'express';
import type { TCorsDecision } from '@trailmark/ingest';

const ALLOWED_HEADERS = 'content-type, content-encoding, x-trailmark-key, if-none-match';

export function applyCors(res: Response, decision: TCorsDecision): void {
  res.vary('Origin');
  if (decision.kind !== 'allow') return;
  res.setHeader('Access-Control-Allow-Origin', decision.allowOrigin);
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After, ETag');
}

export function applyPreflight(res: Response, decision: TCorsDecision, methods: string): void {
  applyCors(res, decision);
  if (decision.kind !== 'allow') return;
  res.setHeader('Access-Control-Allow-Methods', methods);
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
  res.setHeader('Access-Control-Max-Age', '600');
}
