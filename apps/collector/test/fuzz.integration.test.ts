import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { specBeaconFor, startCollector, type THarness } from './harness';

jest.setTimeout(120_000);

let h: THarness;
let app: { id: string; ingestKey: string };

beforeAll(async () => {
  h = await startCollector();
  app = await h.createApp();
  await h.define(app.id, { key: 'n', dataType: 'long', scope: 'both' });
  await h.define(app.id, { key: 's', dataType: 'string', scope: 'event', cleanupRule: '^(a+)' });
});
afterAll(() => h.close());

interface TRequest {
  body: Uint8Array | string;
  contentType: string;
  gzip: boolean;
}

const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ unit: 'binary', maxLength: 50 }), fc.constant(1e308), fc.constant(-0), fc.constant(2 ** 70));
const hugeString = fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'ä'.repeat(n));
const deepNesting = fc.integer({ min: 100, max: 200_000 }).map((depth) => `{"v":1,"events":${'['.repeat(depth)}${']'.repeat(depth)}}`);

/** Takes the §7 beacon and breaks one thing in it. */
const mutatedBeacon = fc
  .record({
    path: fc.constantFrom('v', 'app', 'session', 'seq', 'sent_at', 'events', 'events.0', 'events.1.ts', 'events.1.event_properties', 'events.4.session_properties', 'page', 'device.screen', 'user_tag', 'events.1.type'),
    value: fc.oneof(anyValue, hugeString, fc.constant(undefined), fc.dictionary(fc.string({ maxLength: 20 }), anyValue, { maxKeys: 120 })),
  })
  .map(({ path, value }) => {
    const beacon = specBeaconFor(app.id) as unknown as Record<string, unknown>;
    const parts = path.split('.');
    let target = beacon as Record<string, unknown>;
    for (const part of parts.slice(0, -1)) target = (target[part] ?? {}) as Record<string, unknown>;
    target[parts[parts.length - 1] as string] = value;
    return JSON.stringify(beacon) ?? 'null';
  });

const invalidUtf8 = fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes) => Buffer.concat([Buffer.from('{"v":1,"app":"'), Buffer.from(bytes), Buffer.from('"}')]));
const randomProperties = fc.dictionary(fc.string({ unit: 'binary', maxLength: 30 }), anyValue, { maxKeys: 150 }).map((props) => {
  const beacon = specBeaconFor(app.id);
  (beacon.events[1] as Record<string, unknown>)['event_properties'] = props;
  (beacon.events[4] as Record<string, unknown>)['session_properties'] = props;
  return JSON.stringify(beacon);
});
const escapes = fc.constantFrom('\\u0000', '\\ud800', '\\udfff', '\\u0000\\ud83d', 'a\\"b').map((escape) => JSON.stringify(specBeaconFor(app.id)).replace('"Cart"', `"${escape}"`).replace('"card"', `"${escape}"`).replace('"e-2"', `"e\\u0000${escape}"`));

const request: fc.Arbitrary<TRequest> = fc.record({
  body: fc.oneof(mutatedBeacon, randomProperties, escapes, deepNesting, invalidUtf8, fc.string({ maxLength: 500 }), hugeString, fc.uint8Array({ maxLength: 3000 })),
  contentType: fc.constantFrom('text/plain', 'application/json', 'text/plain;charset=UTF-8', 'application/xml', '', 'multipart/form-data'),
  gzip: fc.boolean(),
});

async function send(req: TRequest): Promise<number> {
  const headers: Record<string, string> = {};
  if (req.contentType) headers['content-type'] = req.contentType;
  let body: Uint8Array | string = req.body;
  if (req.gzip) {
    headers['content-encoding'] = 'gzip';
    // Half of the gzip cases are corrupt: a valid stream with its middle scrambled.
    const zipped = gzipSync(req.body);
    body = zipped.length > 20 && (zipped[10] ?? 0) % 2 === 0 ? Buffer.concat([zipped.subarray(0, 12), Buffer.from('garbage!'), zipped.subarray(20)]) : zipped;
  }
  const res = await fetch(`${h.url}/api/v1/beacon?key=${app.ingestKey}`, { method: 'POST', headers, body });
  await res.arrayBuffer();
  return res.status;
}

describe('fuzzing the beacon endpoint', () => {
  it('never answers 5xx, stays alive and keeps its heap bounded', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        const status = await send(req);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    const ok = await fetch(`${h.url}/api/v1/beacon?key=${app.ingestKey}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(specBeaconFor(app.id)) });
    expect(ok.status).toBe(202);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024);
    expect(statuses.get(202) ?? 0).toBeGreaterThan(0);
  });
});
