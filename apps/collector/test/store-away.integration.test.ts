import { jsonOf, postBeacon, specBeaconFor, startCollector, type THarness } from './harness';
import { startTcpProxy, type TTcpProxy } from './tcp-proxy';

let proxy: TTcpProxy;
let h: THarness;
let app: { id: string; ingestKey: string };

beforeAll(async () => {
  proxy = await startTcpProxy(5432);
  h = await startCollector({
    pgTimeoutMs: 1500,
    collectorDatabaseUrl: (url) => {
      const through = new URL(url);
      through.port = String(proxy.port);
      return through.toString();
    },
  });
  app = await h.createApp();
});
afterAll(async () => {
  await proxy.open();
  proxy.resume();
  await h.close();
  await proxy.stop();
});

async function storedCount(session: string): Promise<number> {
  const { rows } = await h.sql.query('SELECT count(*)::int AS n FROM event WHERE application_id = $1 AND session_id = $2', [app.id, session]);
  return rows[0].n as number;
}

describe('when Postgres goes away', () => {
  it('answers 503 with Retry-After, never acknowledges, and recovers on its own', async () => {
    expect((await postBeacon(h.url, specBeaconFor(app.id, 's-before'), { key: app.ingestKey })).status).toBe(202);

    await proxy.close();
    const refused = await postBeacon(h.url, specBeaconFor(app.id, 's-away'), { key: app.ingestKey });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await jsonOf(refused)).code).toBe('STORE_UNAVAILABLE');
    expect((await fetch(`${h.url}/readyz`)).status).toBe(503);

    await proxy.open();
    const back = await postBeacon(h.url, specBeaconFor(app.id, 's-back'), { key: app.ingestKey });
    expect(back.status).toBe(202);
    expect(await storedCount('s-away')).toBe(0);
    expect(await storedCount('s-back')).toBe(6);
  });

  it('answers 503 when the store hangs, then 202 when it answers again', async () => {
    proxy.pause();
    const started = Date.now();
    const hung = await postBeacon(h.url, specBeaconFor(app.id, 's-hung'), { key: app.ingestKey });
    expect(hung.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5000);
    proxy.resume();
    await proxy.close();
    await proxy.open();
    let status = 0;
    for (let attempt = 0; attempt < 10 && status !== 202; attempt += 1) {
      status = (await postBeacon(h.url, specBeaconFor(app.id, 's-resumed'), { key: app.ingestKey })).status;
      if (status !== 202) await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(status).toBe(202);
  });
});
