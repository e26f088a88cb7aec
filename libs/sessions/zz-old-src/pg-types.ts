import pg from 'pg';
import { parseJsonWithLongs } from './json-longs';

const JSON_OID = 114;
const JSONB_OID = 3802;

/** Query `types` under which json/jsonb come back with longs exact (bigint beyond 2^53). */
export const LONG_SAFE_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === JSON_OID || oid === JSONB_OID) return parseJsonWithLongs;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** What the sessions lib needs of a pg pool or client. */
export type TQueryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;
