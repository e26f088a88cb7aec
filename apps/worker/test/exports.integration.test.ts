import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createPrismaClient, type PrismaClient } from '@trailmark/db';
import { createExportStream, replayDeadLetters, SIGNATURE_HEADER, verifySignature } from '@trailmark/exports';
import { createLogger } from '@trailmark/logger';
import { ZSessionSummary } from '@trailmark/semantic-model';
import { insertApplication, insertEvents, typicalEvents } from '@trailmark/sessions/testing';
import { startWorkerApp, type TWorkerApp } from '../src/worker-app';
import { createWorkerHarness, eventually, scalar, type TWorkerHarness } from './harness';

type THandler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

interface TReceiver {
  url: string;
  hits: Array<{ body: string; isVerified: boolean }>;
  close(): Promise<void>;
}

async function startReceiver(secret: () => string, handler: THandler): Promise<TReceiver> {
  const hits: TReceiver['hits'] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const header = request.headers[SIGNATURE_HEADER];
      hits.push({ body, isVerified: verifySignature({ header: typeof header === 'string' ? header : undefined, body, secret: secret() }) });
      handler(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    hits,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

let harness: TWorkerHarness;
let worker: TWorkerApp;
let prisma: PrismaClient;
const receivers: TReceiver[] = [];

beforeAll(async () => {
  harness = await createWorkerHarness();
  prisma = createPrismaClient(harness.database.url);
  worker = await startWorkerApp(await harness.env(), createLogger('worker-test', 'silent'));
});

afterAll(async () => {
  await worker.stop();
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await prisma.$disconnect();
  await harness.close();
});

async function appWithStream(handler: THandler) {
  const app = await insertApplication(harness.pool);
  let secret = '';
  const receiver = await startReceiver(() => secret, handler);
  receivers.push(receiver);
  const stream = await createExportStream(prisma, { applicationId: app, name: 'test', url: receiver.url });
  secret = stream.secret;
  return { app, stream, receiver };
}

async function closeOne(app: string, sessionId: string) {
  await insertEvents(harness.pool, { applicationId: app, sessionId }, typicalEvents(Date.now() - 10_000, 5));
  await harness.enqueueClose(app, sessionId, 'api');
}

const delivery = async (streamId: string) =>
  (await harness.pool.query('SELECT status::text, attempts, response_code, last_error, is_dead_letter FROM export_delivery WHERE stream_id = $1', [streamId])).rows[0];

describe('export streams', () => {
  it('posts the signed §6.2 summary and retries after a 500', async () => {
    let calls = 0;
    const { app, stream, receiver } = await appWithStream((_request, _body, response) => {
      calls += 1;
      response.writeHead(calls === 1 ? 500 : 204).end();
    });
    await closeOne(app, 'exp-1');
    await eventually(async () => (await delivery(stream.id))?.status === 'delivered');
    expect(await delivery(stream.id)).toMatchObject({ attempts: 2, response_code: 204, is_dead_letter: false });
    expect(receiver.hits).toHaveLength(2);
    expect(receiver.hits.every((hit) => hit.isVerified)).toBe(true);
    const payload = ZSessionSummary.parse(JSON.parse(receiver.hits[1]?.body ?? '{}'));
    expect(payload).toMatchObject({ session_id: 'exp-1', application_id: app, end_reason: 'api', navigation_count: 1 });
  });

  it('dead-letters after the last attempt, and an admin replay delivers it', async () => {
    let isHealthy = false;
    const { app, stream, receiver } = await appWithStream((_request, _body, response) => response.writeHead(isHealthy ? 200 : 503).end());
    await closeOne(app, 'exp-dead');
    await eventually(async () => (await delivery(stream.id))?.status === 'dead');
    expect(await delivery(stream.id)).toMatchObject({ attempts: 3, response_code: 503, is_dead_letter: true, last_error: 'HTTP 503' });
    expect(receiver.hits).toHaveLength(3);
    isHealthy = true;
    expect(await replayDeadLetters(prisma, { streamId: stream.id })).toEqual({ replayed: 1 });
    await eventually(async () => (await delivery(stream.id))?.status === 'delivered');
    expect(await delivery(stream.id)).toMatchObject({ attempts: 4, is_dead_letter: false });
  });

  it('never lets a hanging or redirecting webhook hold up session close', async () => {
    const hanging = await appWithStream(() => undefined);
    const redirecting = await appWithStream((_request, _body, response) => response.writeHead(302, { location: 'http://127.0.0.1:1/' }).end());
    for (let i = 0; i < 5; i += 1) await closeOne(hanging.app, `hang-${i}`);
    await closeOne(redirecting.app, 'redirect');
    await eventually(async () => hanging.receiver.hits.length >= 5, 5000);
    // While every delivery to the hanging receiver is in flight, closes keep flowing.
    const started = Date.now();
    const other = await insertApplication(harness.pool);
    for (let i = 0; i < 20; i += 1) await closeOne(other, `free-${i}`);
    await eventually(async () => (await scalar(harness.pool, 'SELECT count(*) AS n FROM session WHERE application_id = $1', [other])) === 20, 5000, 50);
    expect(Date.now() - started).toBeLessThan(5000);
    await eventually(async () => (await delivery(redirecting.stream.id))?.status === 'dead', 5000);
    expect(await delivery(redirecting.stream.id)).toMatchObject({ response_code: 302, is_dead_letter: true });
    expect((await delivery(redirecting.stream.id))?.last_error).toMatch(/redirect/);
    await eventually(async () => {
      const rows = await harness.pool.query(`SELECT last_error FROM export_delivery WHERE stream_id = $1 AND attempts > 0`, [hanging.stream.id]);
      return rows.rows.length > 0 && rows.rows.every((row) => /timed out/.test(row.last_error));
    }, 8000);
  });
});
