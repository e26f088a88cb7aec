import type { ServerResponse } from 'node:http';
import type { TCorsDecision } from '@trailmark/ingest';

const ALLOWED_HEADERS = 'content-type, content-encoding, x-trailmark-key, if-none-match';

/** `Vary: Origin` added to whatever Vary the response already has (Express' `res.vary`). */
function varyOrigin(res: ServerResponse): void {
  const existing = res.getHeader('Vary');
  if (existing === undefined) return void res.setHeader('Vary', 'Origin');
  const value = Array.isArray(existing) ? existing.join(', ') : String(existing);
  if (value.split(',').some((field) => { const name = field.trim().toLowerCase(); return name === 'origin' || name === '*'; })) return;
  res.setHeader('Vary', value ? `${value}, Origin` : 'Origin');
}

export function applyCors(res: ServerResponse, decision: TCorsDecision): void {
  varyOrigin(res);
  if (decision.kind !== 'allow') return;
  res.setHeader('Access-Control-Allow-Origin', decision.allowOrigin);
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After, ETag');
}

export function applyPreflight(res: ServerResponse, decision: TCorsDecision, methods: string): void {
  applyCors(res, decision);
  if (decision.kind !== 'allow') return;
  res.setHeader('Access-Control-Allow-Methods', methods);
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
  res.setHeader('Access-Control-Max-Age', '600');
}
