import { Writable } from 'node:stream';
import { createLogger } from './index';

function captureLines(): { lines: string[]; sink: Writable } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, sink };
}

describe('createLogger', () => {
  it('writes one JSON record per line with the logger name and redacts credentials', () => {
    const { lines, sink } = captureLines();
    const logger = createLogger('collector', 'info', sink);
    logger.info({ password: 'hunter2', user: 'ana', req: { headers: { authorization: 'Api-Token abc' } } }, 'signed in');
    const record = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(record).toMatchObject({ name: 'collector', msg: 'signed in', user: 'ana', password: '[redacted]' });
    expect(JSON.stringify(record)).not.toContain('abc');
  });

  it('respects the level', () => {
    const { lines, sink } = captureLines();
    const logger = createLogger('worker', 'warn', sink);
    logger.info('hidden');
    logger.warn('shown');
    expect(lines).toHaveLength(1);
  });
});
