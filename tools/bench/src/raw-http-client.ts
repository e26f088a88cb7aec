import { connect, type Socket } from 'node:net';

export interface TPost {
  status: number;
  body: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

/**
 * A lean HTTP/1.1 keep-alive client for load generation, in the spirit of wrk: one request per
 * socket at a time, the request written in one piece, only the status and a Content-Length body
 * read back. node's http client costs several times more CPU per request, and on a 2-core machine
 * that CPU is taken from the collector under test.
 */
// Below node's default server keepAliveTimeout (5 s), so the server never closes a socket the client is about to reuse.
const MAX_IDLE_MS = 4000;

export class RawHttpClient {
  private idle: Array<{ socket: Socket; since: number }> = [];
  private all = new Set<Socket>();

  constructor(
    private readonly port: number,
    private readonly headerLines: string,
  ) {}

  post(path: string, body: string): Promise<TPost> {
    const payload = Buffer.from(body);
    const head = `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${this.port}\r\n${this.headerLines}content-length: ${payload.length}\r\n\r\n`;
    const socket = this.acquire();
    return new Promise<TPost>((resolve, reject) => {
      let received: Buffer = Buffer.alloc(0);
      const cleanup = () => {
        socket.off('data', onData);
        socket.off('error', onError);
        socket.off('close', onClose);
      };
      const onError = (error: Error) => {
        cleanup();
        this.drop(socket);
        reject(error);
      };
      const onClose = () => onError(Object.assign(new Error('socket closed before the answer'), { code: 'ECONNRESET' }));
      const onData = (chunk: Buffer) => {
        received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
        let answer: ReturnType<typeof parseAnswer>;
        try {
          answer = parseAnswer(received);
        } catch (error) {
          return onError(error as Error);
        }
        if (!answer) return;
        cleanup();
        if (answer.keepAlive) this.idle.push({ socket, since: performance.now() });
        else this.drop(socket);
        resolve({ status: answer.status, body: answer.body });
      };
      socket.on('data', onData);
      socket.once('error', onError);
      socket.once('close', onClose);
      socket.write(Buffer.concat([Buffer.from(head), payload]));
    });
  }

  destroy(): void {
    for (const socket of this.all) socket.destroy();
    this.all.clear();
    this.idle = [];
  }

  private acquire(): Socket {
    const now = performance.now();
    for (let entry = this.idle.pop(); entry; entry = this.idle.pop()) {
      if (!entry.socket.destroyed && now - entry.since < MAX_IDLE_MS) return entry.socket;
      this.drop(entry.socket);
    }
    return this.open();
  }

  private open(): Socket {
    const socket = connect({ host: '127.0.0.1', port: this.port, noDelay: true });
    // Errors of an idle socket have no request to fail; it is dropped when next acquired.
    socket.on('error', () => undefined);
    this.all.add(socket);
    return socket;
  }

  private drop(socket: Socket): void {
    this.all.delete(socket);
    socket.destroy();
  }
}

/** The complete answer in `buffer`, or null while bytes are still missing. */
function parseAnswer(buffer: Buffer): { status: number; body: string; keepAlive: boolean } | null {
  const end = buffer.indexOf(HEADER_END);
  if (end === -1) return null;
  const head = buffer.toString('latin1', 0, end);
  const length = CONTENT_LENGTH.exec(head);
  if (!length) throw new Error(`the answer has no Content-Length: ${head.split('\r\n')[0] ?? ''}`);
  const bodyStart = end + HEADER_END.length;
  const bodyEnd = bodyStart + Number(length[1]);
  if (buffer.length < bodyEnd) return null;
  return {
    status: Number(head.slice(9, 12)),
    body: buffer.toString('utf8', bodyStart, bodyEnd),
    keepAlive: !/\r\nconnection:\s*close/i.test(head),
  };
}
