import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { TrailmarkError } from '@trailmark/errors';
import pg from 'pg';

type TWasmExports = Record<string, unknown>;

type TEngineBindings = {
  SchemaEngine: typeof SchemaEngine;
  __wbg_set_wasm(exports: TWasmExports): void;
};

// lib "dom" is not loaded for server code, so the little of WebAssembly used here is declared.
const { WebAssembly: wasmApi } = globalThis as unknown as {
  WebAssembly: {
    instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: TWasmExports } }>;
  };
};

let bindings: Promise<TEngineBindings> | undefined;

/**
 * The package ships wasm-bindgen ES modules only, which CommonJS hosts (Jest, tsx in cjs mode)
 * cannot import; its glue file has no imports, so it is evaluated as a plain function body.
 */
function evaluateGlue(source: string): TEngineBindings {
  const names: string[] = [];
  const body = source.replace(/^export (function|class) ([\w$]+)/gm, (_match, kind: string, name: string) => {
    names.push(name);
    return `${kind} ${name}`;
  });
  if (/^\s*(export|import)\s/m.test(body)) {
    throw new TrailmarkError('INTERNAL', 'Unexpected module syntax in @prisma/schema-engine-wasm glue code');
  }
  const evaluate = new Function('setTimeout', `${body}\nreturn { ${names.join(', ')} };`);
  return evaluate(setUnrefTimeout) as TEngineBindings;
}

// The engine leaves its timeout guards pending after a call returns; they must not keep the
// process (or a Jest worker) alive.
function setUnrefTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  return setTimeout(callback, ms).unref();
}

async function instantiateEngine(): Promise<TEngineBindings> {
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const glue = evaluateGlue(readFileSync(path.join(dir, 'schema_engine_bg.js'), 'utf8'));
  const bytes = readFileSync(path.join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports['__wbindgen_start'] as () => void)();
  return glue;
}

function loadEngineBindings(): Promise<TEngineBindings> {
  bindings ??= instantiateEngine().catch((error: unknown) => {
    bindings = undefined;
    throw error;
  });
  return bindings;
}

/** Runs `work` with a schema engine connected to `databaseUrl`, then releases it. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schema: { path: string; content: string },
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine: Engine } = await loadEngineBindings();
  const pool = createEnginePool(databaseUrl);
  const logs: string[] = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const engine = await Engine.new({ datamodels: [[schema.path, schema.content]] }, (line: string) => logs.push(line), adapter);
  try {
    return await work(engine);
  } catch (error) {
    throw new TrailmarkError('INTERNAL', `Schema engine failed: ${describeEngineError(error)}`, {
      cause: error,
      details: { logs: logs.slice(-20) },
    });
  } finally {
    engine.free();
    await pool.end();
  }
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type TQueryResultLike = { fields?: { dataTypeID: number }[] };

function readCharAsText<T>(result: T): T {
  for (const field of (result as TQueryResultLike | undefined)?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

/**
 * The engine describes a database from catalog columns of type "char" (relkind, contype, …),
 * which @prisma/adapter-pg 7.10 rejects as unsupported; they are plain text, so say so.
 */
function createEnginePool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const last = args[args.length - 1];
      if (typeof last === 'function') {
        args[args.length - 1] = (error: unknown, result: unknown) => (last as (e: unknown, r: unknown) => void)(error, readCharAsText(result));
        return query(...args);
      }
      const result = query(...args);
      return result instanceof Promise ? result.then(readCharAsText) : result;
    };
  });
  return pool;
}

function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
