import { gzipSync } from 'node:zlib';
import { isTrailmarkError } from '@trailmark/errors';
import { checkContentEncoding, checkContentType, decodeUtf8, inflateBody } from './decode-body';
import { parseJsonBody } from './parse-json';

async function codeOf(work: () => unknown): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (isTrailmarkError(error)) return error.code;
    throw error;
  }
  return 'OK';
}

describe('body decoding', () => {
  it('accepts text/plain with a charset and JSON, refuses others', async () => {
    expect(await codeOf(() => checkContentType('text/plain;charset=UTF-8'))).toBe('OK');
    expect(await codeOf(() => checkContentType('application/json'))).toBe('OK');
    expect(await codeOf(() => checkContentType('application/x-www-form-urlencoded'))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await codeOf(() => checkContentType(undefined))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await codeOf(() => checkContentEncoding('br'))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('inflates gzip, caps the output and names bad gzip', async () => {
    expect((await inflateBody(gzipSync('{"a":1}'), true)).toString()).toBe('{"a":1}');
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await codeOf(() => inflateBody(bomb, true))).toBe('PAYLOAD_TOO_LARGE');
    expect(await codeOf(() => inflateBody(Buffer.from('not gzip'), true))).toBe('VALIDATION');
    expect(await codeOf(() => inflateBody(Buffer.alloc(300 * 1024), false))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses invalid UTF-8 and scrubs what Postgres cannot store', async () => {
    expect(await codeOf(() => decodeUtf8(Buffer.from([0x7b, 0xff, 0x7d])))).toBe('VALIDATION');
    expect(parseJsonBody('{"a\\u0000":"x\\ud800y"}')).toEqual({ 'a\uFFFD': 'x\uFFFDy' });
    expect(await codeOf(() => parseJsonBody('{"a":'))).toBe('VALIDATION');
  });
});
