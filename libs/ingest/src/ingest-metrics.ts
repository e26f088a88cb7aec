import { Counter, Histogram, type Registry } from 'prom-client';

export interface TIngestMetrics {
  acceptedEvents: Counter<'application'>;
  duplicateEvents: Counter<'application'>;
  droppedProperties: Counter<'reason'>;
  rejectedBeacons: Counter<'code'>;
  beaconSeconds: Histogram<'status'>;
  batchRows: Histogram;
  batchBeacons: Histogram;
  commitSeconds: Histogram<'outcome'>;
  commits: Counter<'path'>;
  sessionCloseSchedules: Counter<'reason'>;
  sessionTrackingErrors: Counter;
  dropCounterOverflow: Counter;
}

export function createIngestMetrics(registry: Registry): TIngestMetrics {
  const registers = [registry];
  return {
    acceptedEvents: new Counter({ name: 'trailmark_ingest_accepted_events_total', help: 'Events newly stored', labelNames: ['application'], registers }),
    duplicateEvents: new Counter({ name: 'trailmark_ingest_duplicate_events_total', help: 'Events already stored (SDK retries)', labelNames: ['application'], registers }),
    droppedProperties: new Counter({ name: 'trailmark_ingest_dropped_properties_total', help: 'Properties dropped by the ingest rules', labelNames: ['reason'], registers }),
    rejectedBeacons: new Counter({ name: 'trailmark_ingest_rejected_beacons_total', help: 'Beacons answered with an error, by error code', labelNames: ['code'], registers }),
    beaconSeconds: new Histogram({
      name: 'trailmark_ingest_beacon_seconds',
      help: 'Time from a beacon request to its answer, by status',
      labelNames: ['status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    batchRows: new Histogram({ name: 'trailmark_ingest_batch_rows', help: 'Events per group commit', buckets: [1, 10, 50, 100, 250, 500, 1000, 2000, 5000], registers }),
    batchBeacons: new Histogram({ name: 'trailmark_ingest_batch_beacons', help: 'Beacons per group commit', buckets: [1, 2, 5, 10, 25, 50, 100, 250], registers }),
    commitSeconds: new Histogram({
      name: 'trailmark_ingest_commit_seconds',
      help: 'Group commit latency',
      labelNames: ['outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    commits: new Counter({ name: 'trailmark_ingest_commits_total', help: 'Successful group commits by path: copy, or insert when the batch held already stored events', labelNames: ['path'], registers }),
    sessionCloseSchedules: new Counter({ name: 'trailmark_ingest_session_close_schedules_total', help: 'session-close jobs sent to the queue, by end reason', labelNames: ['reason'], registers }),
    sessionTrackingErrors: new Counter({ name: 'trailmark_ingest_session_tracking_errors_total', help: 'session-close jobs that could not be scheduled', registers }),
    dropCounterOverflow: new Counter({ name: 'trailmark_ingest_drop_counter_overflow_total', help: 'Drops not counted because too many distinct keys were pending', registers }),
  };
}
