export type TProbe = () => Promise<unknown>;

export interface TProbeReport {
  ok: boolean;
  checks: Record<string, { ok: boolean; error?: string; ms: number }>;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs every readiness probe concurrently; a hung dependency fails its probe instead of the request. */
export async function runProbes(probes: Record<string, TProbe>, timeoutMs = 2000): Promise<TProbeReport> {
  const entries = await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => {
      const started = performance.now();
      try {
        await withTimeout(probe(), timeoutMs);
        return [name, { ok: true, ms: Math.round(performance.now() - started) }] as const;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return [name, { ok: false, error: message, ms: Math.round(performance.now() - started) }] as const;
      }
    }),
  );
  const checks = Object.fromEntries(entries);
  return { ok: entries.every(([, check]) => check.ok), checks };
}
