export interface TPostResult {
  isOk: boolean;
  status: number | null;
  error: string | null;
}

const MAX_ERROR_LENGTH = 500;

/**
 * One POST with a hard timeout. Redirects are not followed (a webhook that moved must be
 * re-configured, and following could leak the payload elsewhere): 3xx counts as a failure.
 */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<TPostResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { isOk: true, status: response.status, error: null };
    const reason = response.status >= 300 && response.status < 400 ? `redirect to ${response.headers.get('location') ?? '?'} not followed` : `HTTP ${response.status}`;
    return { isOk: false, status: response.status, error: reason.slice(0, MAX_ERROR_LENGTH) };
  } catch (error) {
    // Not `instanceof Error`: the abort reason is a DOMException, of another realm under some runners.
    const name = (error as { name?: unknown } | null)?.name;
    const isTimeout = name === 'TimeoutError' || name === 'AbortError';
    const message = isTimeout ? `timed out after ${timeoutMs} ms` : describe(error);
    return { isOk: false, status: null, error: message.slice(0, MAX_ERROR_LENGTH) };
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
