import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-trailmark-key"]',
  'password',
  'token',
  '*.password',
  '*.token',
];

/** Structured JSON logs (pino); credentials never reach them. */
export function createLogger(name: string, level = 'info', destination?: DestinationStream): Logger {
  const options = { name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
