// CI: the README's production install works. A copy of the project gets only its `dependencies`
// (`npm ci --omit=dev`), then `npm start` must build the apps and serve them.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const NOT_COPIED = new Set(['node_modules', 'dist', 'data', '.git', 'test-results', 'playwright-report']);
const START_TIMEOUT_MS = 240_000;

const copy = mkdtempSync(join(tmpdir(), 'production-install-'));
let hub = null;
let hubOutput = '';

async function fail(message) {
  console.error(`Production install check failed: ${message}`);
  if (hubOutput) console.error(`--- npm start output (last lines) ---\n${hubOutput.split('\n').slice(-40).join('\n')}`);
  await cleanUp();
  process.exit(1);
}

async function cleanUp() {
  if (hub && hub.exitCode === null && hub.signalCode === null) {
    const exited = new Promise((resolve) => hub.once('exit', resolve));
    // npm start runs the hub as a grandchild: stop the whole process group it leads.
    process.kill(-hub.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  rmSync(copy, { recursive: true, force: true });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function answer(url) {
  try {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type') ?? '' };
  } catch {
    return null;
  }
}

cpSync(root, copy, { recursive: true, filter: (path) => !NOT_COPIED.has(relative(root, path).split('/')[0]) });

console.log(`Production install in ${copy}: npm ci --omit=dev…`);
const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: copy, stdio: 'inherit', timeout: 600_000 });
if (install.status !== 0) await fail('`npm ci --omit=dev` did not succeed.');
if (existsSync(join(copy, 'node_modules/vitest'))) await fail('devDependencies were installed (node_modules/vitest exists).');

const port = await freePort();
hub = spawn('npm', ['start'], {
  cwd: copy,
  detached: true,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(copy, 'data'), LOG_LEVEL: 'warn' },
});
for (const stream of [hub.stdout, hub.stderr]) stream.on('data', (chunk) => (hubOutput += chunk));

const base = `http://127.0.0.1:${port}`;
const deadline = Date.now() + START_TIMEOUT_MS;
while ((await answer(`${base}/healthz`))?.status !== 200) {
  if (hub.exitCode !== null || hub.signalCode !== null) await fail(`\`npm start\` ended (${hub.exitCode ?? hub.signalCode}) before the hub answered.`);
  if (Date.now() > deadline) await fail(`the hub did not answer /healthz within ${START_TIMEOUT_MS / 1000} s.`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
for (const page of ['/kiosk/', '/admin/']) {
  const { status, type } = (await answer(base + page)) ?? { status: 'no answer', type: '' };
  if (status !== 200 || !type.startsWith('text/html')) await fail(`GET ${page} answered ${status} ${type}, not an HTML page.`);
}

await cleanUp();
console.log('Production install check passed: `npm ci --omit=dev && npm start` serves /healthz, /kiosk/ and /admin/.');
