import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, type Registry } from 'prom-client';

const REQUEST = 'trailmark:cluster-metrics';
const REPLY = 'trailmark:cluster-metrics:reply';

interface TMetricsRequest {
  type: typeof REQUEST;
  id: string;
}

interface TMetricsReply {
  type: typeof REPLY;
  id: string;
  text?: string;
  error?: string;
}

const isMessage = <T extends { type: string }>(message: unknown, type: T['type']): message is T =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;

/**
 * In the cluster primary: answers a worker's request with all workers' metrics summed
 * (prom-client's AggregatorRegistry), so /metrics tells the whole collector whichever worker a
 * scrape lands on.
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isMessage<TMetricsRequest>(message, REQUEST)) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: REPLY, id: message.id, text } satisfies TMetricsReply),
      (error: unknown) => worker.send({ type: REPLY, id: message.id, error: String(error) } satisfies TMetricsReply),
    );
  });
}

/** In a cluster worker: the whole cluster's metrics text, asked of the primary. */
export function clusterMetricsReader(registry: Registry, timeoutMs = 5000): () => Promise<string> {
  AggregatorRegistry.setRegistries([registry]);
  // Constructed for its side effect: the worker's listener that answers the primary's aggregation requests.
  new AggregatorRegistry();
  const waiting = new Map<string, { resolve: (text: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  process.on('message', (message: unknown) => {
    if (!isMessage<TMetricsReply>(message, REPLY)) return;
    const request = waiting.get(message.id);
    if (!request) return;
    waiting.delete(message.id);
    clearTimeout(request.timer);
    if (message.text !== undefined) request.resolve(message.text);
    else request.reject(new Error(message.error ?? 'no metrics from the cluster primary'));
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = randomUUID();
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the cluster primary did not answer for metrics in time'));
      }, timeoutMs);
      waiting.set(id, { resolve, reject, timer });
      process.send?.({ type: REQUEST, id } satisfies TMetricsRequest);
    });
}
