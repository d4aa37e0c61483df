// `npm run bench`: the performance budgets of docs/benchmarks.md, measured on this machine.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const run = (args) => spawnSync('npx', ['--no-install', ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
let failed = run(['vite', 'build', '--logLevel', 'warn']);
for (const bench of ['kiosk-bundle', 'hub-load', 'scan-to-result', 'ebook-upload', 'ebook-catalogue', 'statistics', 'import-items', 'offline-start', 'offline-sync']) {
  failed = run(["tsx", `tests/bench/${bench}.ts`]) || failed;
}
process.exit(failed);
