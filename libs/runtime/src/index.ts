export { runProbes } from './probes';
export type { TProbe, TProbeReport } from './probes';
export { installGracefulShutdown } from './shutdown';
export type { TCloser } from './shutdown';
