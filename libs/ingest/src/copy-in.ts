import type { Connection, Submittable } from 'pg';

const COPY_DATA = 0x64;
const COPY_DONE = 0x63;
const COMMAND_TAG = /^COPY (\d+)$/;
const IGNORE = (): void => undefined;

/**
 * `COPY … FROM STDIN` of one in-memory payload, as a pg query object (the Submittable interface
 * pg-cursor and pg-copy-streams use). When the server asks for the data it gets CopyData and
 * CopyDone in one socket write: pg-copy-streams writes each frame on its own, and each write
 * wakes the Postgres backend again.
 * `text` may start with other statements (`BEGIN; COPY …`); the promise settles with the row
 * count when the server is ready for the next query, or with the server's error.
 */
export class CopyIn implements Submittable {
  readonly done: Promise<number>;
  private rowCount = 0;
  private settle!: { resolve: (rows: number) => void; reject: (error: Error) => void };

  constructor(
    private readonly text: string,
    private readonly payload: Buffer,
  ) {
    this.done = new Promise<number>((resolve, reject) => (this.settle = { resolve, reject }));
  }

  /** pg wraps this with its query_timeout timer and calls it when the query ends; it must exist. */
  callback: (error?: Error) => void = IGNORE;

  submit(connection: Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: Connection): void {
    const length = this.payload.length;
    const frames = Buffer.allocUnsafe(length + 10);
    frames[0] = COPY_DATA;
    frames.writeUInt32BE(length + 4, 1);
    this.payload.copy(frames, 5);
    frames[length + 5] = COPY_DONE;
    frames.writeUInt32BE(4, length + 6);
    connection.stream.write(frames);
  }

  handleCommandComplete(message: { text: string }): void {
    const match = COMMAND_TAG.exec(message.text);
    if (match) this.rowCount = Number(match[1]);
  }

  handleReadyForQuery(): void {
    this.callback();
    this.settle.resolve(this.rowCount);
  }

  handleError(error: Error): void {
    this.callback(error);
    this.settle.reject(error);
  }

  // Not sent for COPY FROM; answered so a surprise message cannot throw inside pg.
  readonly handleRowDescription = IGNORE;
  readonly handleDataRow = IGNORE;
  readonly handleEmptyQuery = IGNORE;
  readonly handlePortalSuspended = IGNORE;
  readonly handleCopyData = IGNORE;
}
