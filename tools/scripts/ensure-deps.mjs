// Installs dependencies when they are missing or older than the lockfile, then makes sure the
// Prisma client is generated. Plain Node with no dependencies: it runs before they exist.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const installedMarker = join(root, 'node_modules', '.package-lock.json');
const lockfile = join(root, 'package-lock.json');

function run(command) {
  execSync(command, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
}

const needsInstall = !existsSync(installedMarker) || (existsSync(lockfile) && statSync(lockfile).mtimeMs > statSync(installedMarker).mtimeMs);
if (needsInstall) {
  console.error('trailmark: installing dependencies (npm ci) ...');
  run(existsSync(lockfile) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund');
}
run('node libs/db/scripts/generate.mjs');
