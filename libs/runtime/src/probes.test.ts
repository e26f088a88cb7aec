import { runProbes } from './probes';

describe('runProbes', () => {
  it('reports each probe and is ok only when all pass', async () => {
    const report = await runProbes({
      database: async () => 'up',
      redis: async () => {
        throw new Error('ECONNREFUSED');
      },
    });
    expect(report.ok).toBe(false);
    expect(report.checks['database']?.ok).toBe(true);
    expect(report.checks['redis']).toMatchObject({ ok: false, error: 'ECONNREFUSED' });
  });

  it('fails a hung probe after the timeout', async () => {
    const report = await runProbes({ slow: () => new Promise(() => undefined) }, 50);
    expect(report.checks['slow']).toMatchObject({ ok: false, error: 'timed out after 50 ms' });
  });
});
