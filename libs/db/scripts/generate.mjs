// Generates the Prisma client into src/generated unless it is newer than schema.prisma.
// The schema engine stub stops `prisma generate` from downloading a native engine it does not need.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const libDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = path.join(libDir, 'prisma', 'schema.prisma');
const marker = path.join(libDir, 'src', 'generated', 'client.ts');

function isUpToDate() {
  return existsSync(marker) && statSync(marker).mtimeMs >= statSync(schemaPath).mtimeMs;
}

if (isUpToDate() && !process.argv.includes('--force')) {
  console.log('prisma client is up to date');
  process.exit(0);
}

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [prismaCli, 'generate'], {
  cwd: libDir,
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
});
process.exit(result.status ?? 1);
