/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import packageJson from './package.json' with { type: 'json' };

const hubPort = Number(process.env.HUB_PORT ?? 8080);
const hub = `http://127.0.0.1:${hubPort}`;

export default defineConfig({
  plugins: [preact()],
  // The kiosk reports its version in every heartbeat (kiosk/fleet/app-version.ts).
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  publicDir: 'public',
  build: {
    outDir: process.env.APPS_DIR ?? 'dist/apps',
    emptyOutDir: true,
    // The kiosk's first load is budgeted (see docs/benchmarks.md); keep the chunk report honest.
    reportCompressedSize: true,
    rollupOptions: {
      input: {
        kiosk: resolve(import.meta.dirname, 'kiosk/index.html'),
        admin: resolve(import.meta.dirname, 'admin/index.html'),
      },
    },
  },
  server: {
    // `npm run dev`: Vite serves the apps with hot reload and forwards the hub's routes.
    proxy: { '/api': hub, '/healthz': hub, '/covers': hub },
  },
  test: {
    // Screen components have their tests beside them (`// @vitest-environment happy-dom` at the top).
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/api/**/*.test.ts', 'kiosk/**/*.test.tsx', 'admin/**/*.test.tsx'],
    environment: 'node',
  },
});
