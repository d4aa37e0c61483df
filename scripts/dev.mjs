// `npm run dev`: the hub restarts on change (tsx watch) and Vite serves both apps with hot reload,
// forwarding /api, /healthz and /covers to the hub (see vite.config.ts).
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const hubPort = process.env.HUB_PORT ?? '8080';
const children = [
  spawn('npx', ['--no-install', 'tsx', 'watch', 'server/main.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: hubPort } }),
  spawn('npx', ['--no-install', 'vite', '--host'], { cwd: root, stdio: 'inherit', env: { ...process.env, HUB_PORT: hubPort } }),
];
console.log('Kiosk: http://localhost:5173/kiosk/   Admin: http://localhost:5173/admin/');
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
