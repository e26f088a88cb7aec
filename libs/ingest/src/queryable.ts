/** A statement with a `name` is prepared once per connection and then only bound and executed. */
export interface TStatement {
  name?: string;
  text: string;
  values?: unknown[];
}

/** The part of a pg Pool the ingest path uses; `pool.query` releases (and on error discards) its client. */
export interface TQueryable {
  query<R extends object = Record<string, unknown>>(statement: string | TStatement, values?: unknown[]): Promise<{ rows: R[] }>;
}
