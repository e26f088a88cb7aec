import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { TrailmarkError } from '@trailmark/errors';
import pg from 'pg';

type TEngineBindings = {
  SchemaEngine: typeof SchemaEngine;
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
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
  return new Function(`${body}\nreturn { ${names.join(', ')} };`)() as TEngineBindings;
}

async function instantiateEngine(): Promise<TEngineBindings> {
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const glue = evaluateGlue(readFileSync(path.join(dir, 'schema_engine_bg.js'), 'utf8'));
  const bytes = readFileSync(path.join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue as never });
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
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
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

function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
