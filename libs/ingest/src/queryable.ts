/** The part of a pg Pool the ingest path uses; `pool.query` releases (and on error discards) its client. */
export interface TQueryable {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}
