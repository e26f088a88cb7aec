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
// Below the collector's keep-alive timeout (COLLECTOR_KEEP_ALIVE_MS, 65 s), so it never closes a socket the client is about to reuse.
const MAX_IDLE_MS = 60_000;

interface TPending {
  resolve: (answer: TPost) => void;
  reject: (error: Error) => void;
  received: Buffer | null;
}

/** A keep-alive socket with one handler set for its whole life, not three listeners added and removed per request. */
interface TConnection {
  socket: Socket;
  pending: TPending | null;
  idleSince: number;
}

export class RawHttpClient {
  private idle: TConnection[] = [];
  private all = new Set<TConnection>();
  /** Sockets opened so far: a burst that finds no idle socket opens more, each a TCP handshake. */
  opened = 0;

  constructor(
    private readonly port: number,
    private readonly headerLines: string,
  ) {}

  post(path: string, body: string): Promise<TPost> {
    const connection = this.acquire();
    return new Promise<TPost>((resolve, reject) => {
      connection.pending = { resolve, reject, received: null };
      // One string, one write: the socket encodes it once.
      connection.socket.write(`POST ${path} HTTP/1.1\r\nhost: 127.0.0.1:${this.port}\r\n${this.headerLines}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
  }

  destroy(): void {
    for (const connection of this.all) connection.socket.destroy();
    this.all.clear();
    this.idle = [];
  }

  private acquire(): TConnection {
    const now = performance.now();
    for (let connection = this.idle.pop(); connection; connection = this.idle.pop()) {
      if (!connection.socket.destroyed && now - connection.idleSince < MAX_IDLE_MS) return connection;
      this.drop(connection);
    }
    return this.open();
  }

  private open(): TConnection {
    const socket = connect({ host: '127.0.0.1', port: this.port, noDelay: true });
    this.opened += 1;
    const connection: TConnection = { socket, pending: null, idleSince: 0 };
    const fail = (error: Error) => {
      const pending = connection.pending;
      connection.pending = null;
      this.drop(connection);
      // Errors of an idle socket have no request to fail; it is dropped.
      pending?.reject(error);
    };
    socket.on('data', (chunk: Buffer) => {
      const pending = connection.pending;
      if (!pending) return fail(new Error('bytes from the server with no request waiting'));
      pending.received = pending.received === null ? chunk : Buffer.concat([pending.received, chunk]);
      let answer: ReturnType<typeof parseAnswer>;
      try {
        answer = parseAnswer(pending.received);
      } catch (error) {
        return fail(error as Error);
      }
      if (!answer) return;
      connection.pending = null;
      if (answer.keepAlive) {
        connection.idleSince = performance.now();
        this.idle.push(connection);
      } else this.drop(connection);
      pending.resolve({ status: answer.status, body: answer.body });
    });
    socket.on('error', fail);
    socket.on('close', () => fail(Object.assign(new Error('socket closed before the answer'), { code: 'ECONNRESET' })));
    this.all.add(connection);
    return connection;
  }

  private drop(connection: TConnection): void {
    this.all.delete(connection);
    connection.socket.destroy();
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
