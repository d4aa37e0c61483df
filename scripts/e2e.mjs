// `npm run test:e2e`: builds the apps, then runs the Playwright suite against a hub with a fresh demo library.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Playwright drives the system Chromium (Debian's `chromium` package); playwright.config.ts reads the same variable.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(
    `No Chromium found at ${chromiumPath}.\n` +
      'Install it with `sudo apt-get install -y chromium fonts-noto-cjk` (Debian/Ubuntu),\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
  process.exit(1);
}

const root = new URL('..', import.meta.url).pathname;
// --no-install: a missing binary is an install problem to report, not something to download.
const run = (args) => spawnSync('npx', ['--no-install', ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;

const buildStatus = run(['vite', 'build', '--logLevel', 'warn']);
if (buildStatus !== 0) process.exit(buildStatus);
process.exit(run(['playwright', 'test', ...process.argv.slice(2)]));
