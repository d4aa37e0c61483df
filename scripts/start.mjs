// `npm start`: builds the apps when the build is missing or older than their sources, then starts the hub.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const builtMarker = join(root, 'dist/apps/kiosk/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['kiosk', 'admin', 'shared', 'public'].map((dir) => join(root, dir)).filter(existsSync);
const sourcesChanged = !existsSync(builtMarker) || Math.max(...sources.map(newestMtime)) > statSync(builtMarker).mtimeMs;
if (sourcesChanged) {
  console.log('Building the kiosk and admin apps…');
  // Vite and its Preact preset are dependencies, not devDependencies: a production install builds here.
  const build = spawnSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Node itself with tsx's loader (not npx), so signals reach the hub directly.
const hub = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => hub.kill(signal));
hub.on('exit', (code) => process.exit(code ?? 0));
