import pg from 'pg';
import type { Connection, Submittable } from 'pg';

/** The parts of pg's connection and exports this uses that @types/pg does not declare. */
interface TWire {
  stream: { cork(): void; uncork(): void };
  parsedStatements: Record<string, string | undefined>;
  parse(query: { name?: string; text: string; types?: string[] }): void;
  bind(config: { statement?: string; values?: unknown[]; valueMapper?: (value: unknown) => unknown }): void;
  describe(message: { type: 'P'; name?: string }): void;
  execute(config: object): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sync(): void;
}
interface TRowParser<TRow> {
  addFields(fields: unknown[]): void;
  parseRow(values: unknown[]): TRow;
}
interface TPgInternals {
  Result: new () => TRowParser<never>;
  utils: { prepareValue(value: unknown): unknown };
}
const { Result, utils } = pg as unknown as TPgInternals;

const IGNORE = (): void => undefined;

export interface TNamedStatement {
  name: string;
  text: string;
  values: unknown[];
}

/**
 * A group commit in one round trip: `COPY … FROM STDIN` with its rows, then a named statement
 * (the live_session upsert) whose rows come back, all as extended-protocol messages up to one
 * Sync, written at once. Postgres runs everything before a Sync as one implicit transaction and
 * commits it at the Sync, so no BEGIN or COMMIT is needed; if any step fails, it discards the
 * rest (the rows sent ahead included) up to the Sync and rolls back. The rows can go with the
 * COPY before Postgres asks for them: it reads them from the socket when the COPY starts. Sent
 * step by step, the same commit took four round trips.
 */
export class CopyCommit<TRow> implements Submittable {
  readonly done: Promise<TRow[]>;
  /** Read by pg on ParseComplete to remember the statement as prepared on this connection. */
  readonly name: string;
  readonly text: string;
  private readonly rows: TRow[] = [];
  private readonly parser = new Result() as TRowParser<TRow>;
  private unreadable: Error | undefined;
  private settle!: { resolve: (rows: TRow[]) => void; reject: (error: Error) => void };

  constructor(
    private readonly copySql: string,
    private readonly payload: Buffer,
    private readonly statement: TNamedStatement,
  ) {
    this.name = statement.name;
    this.text = statement.text;
    this.done = new Promise<TRow[]>((resolve, reject) => (this.settle = { resolve, reject }));
  }

  /** pg wraps this with its query_timeout timer and calls it when the query ends; it must exist. */
  callback: (error?: Error) => void = IGNORE;

  /** Like pg's own queries, returns (not throws) what went wrong before anything was sent: pg then fails the query. */
  submit(connection: Connection): Error | null {
    const wire = connection as unknown as TWire;
    wire.stream.cork();
    try {
      // First, so that the first ParseComplete, which pg takes as this statement's, is its.
      if (wire.parsedStatements[this.name] === undefined) wire.parse({ name: this.name, text: this.text, types: [] });
      wire.parse({ text: this.copySql });
      wire.bind({});
      wire.execute({});
      wire.sendCopyFromChunk(this.payload);
      wire.endCopyFrom();
      wire.bind({ statement: this.name, values: this.statement.values, valueMapper: utils.prepareValue });
      wire.describe({ type: 'P' });
      wire.execute({});
      wire.sync();
      return null;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    } finally {
      wire.stream.uncork();
    }
  }

  handleRowDescription(message: { fields: unknown[] }): void {
    this.parser.addFields(message.fields);
  }

  handleDataRow(message: { fields: unknown[] }): void {
    try {
      this.rows.push(this.parser.parseRow(message.fields));
    } catch (error) {
      this.unreadable ??= error instanceof Error ? error : new Error(String(error));
    }
  }

  handleReadyForQuery(): void {
    // A row it could not read fails the write even though Postgres committed it: the beacons get a 503 and
    // are sent again, and the retry finds their events stored (duplicates, not losses).
    if (this.unreadable) return this.handleError(this.unreadable);
    this.callback();
    this.settle.resolve(this.rows);
  }

  /** A server error arrives once, before its ReadyForQuery (which pg then keeps from this query); a lost connection has none. */
  handleError(error: Error): void {
    this.callback(error);
    this.settle.reject(error);
  }

  // The rows were sent with the COPY; CommandComplete tags carry nothing the commit needs.
  readonly handleCopyInResponse = IGNORE;
  readonly handleCommandComplete = IGNORE;
  readonly handleEmptyQuery = IGNORE;
  readonly handlePortalSuspended = IGNORE;
  readonly handleCopyData = IGNORE;
}
