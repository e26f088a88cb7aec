import { createServer, Socket, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TTcpProxy {
  port: number;
  /** Refuses connections and cuts the open ones: the store is gone. */
  close(): Promise<void>;
  /** Accepts and forwards again. */
  open(): Promise<void>;
  /** Keeps connections but forwards nothing: the store hangs. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

/** A TCP forwarder in front of Postgres that a test can pause or cut. */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TTcpProxy> {
  const sockets = new Set<Socket>();
  let paused = false;
  let server: Server | undefined;
  let port = 0;

  const connect = (client: Socket) => {
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    upstream.connect(targetPort, targetHost);
    client.on('data', (chunk) => !paused && upstream.write(chunk));
    upstream.on('data', (chunk) => !paused && client.write(chunk));
  };

  const open = () =>
    new Promise<void>((resolve) => {
      if (server) return resolve();
      server = createServer(connect);
      server.listen(port, '127.0.0.1', () => {
        port = (server?.address() as AddressInfo).port;
        resolve();
      });
    });

  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });

  await open();
  return {
    get port() {
      return port;
    },
    close,
    open,
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    stop: close,
  };
}
