import { z } from 'zod';

// Hash-tagged so every queue key lands in one Redis Cluster slot (SPEC §13).
export const DEFAULT_QUEUE_PREFIX = '{trailmark}';

export const END_REASONS = ['timeout', 'duration_limit', 'api', 'user_change'] as const;
export const ZEndReason = z.enum(END_REASONS);
export type TEndReason = z.infer<typeof ZEndReason>;

/** Close one session and write its summary (idempotent: a retry yields the same single row). */
export const ZSessionCloseJob = z.object({
  applicationId: z.string().min(1),
  sessionId: z.string().min(1),
  /** The reason the collector saw; `timeout` is re-checked against the last activity when the job runs. */
  reason: ZEndReason,
});
export type TSessionCloseJob = z.infer<typeof ZSessionCloseJob>;

export const JOB_DEFINITIONS = {
  'session-close': { queue: 'session-close', schema: ZSessionCloseJob },
} as const;

export type TJobName = keyof typeof JOB_DEFINITIONS;
export type TJobPayload<N extends TJobName> = z.infer<(typeof JOB_DEFINITIONS)[N]['schema']>;

/**
 * One job id per session. BullMQ forbids `:` in custom ids, and browser-supplied ids could
 * carry anything, so both parts are URI-encoded.
 */
export function sessionCloseJobId(applicationId: string, sessionId: string): string {
  return `close.${encodeURIComponent(applicationId)}.${encodeURIComponent(sessionId)}`;
}
