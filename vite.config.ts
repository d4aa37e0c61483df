/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import packageJson from './package.json' with { type: 'json' };

const hubPort = Number(process.env.HUB_PORT ?? 8080);
const hub = `http://127.0.0.1:${hubPort}`;

export default defineConfig({
  plugins: [
    preact(),
    // The kiosk's service worker (docs/offline.md): Workbox precaches the kiosk's app shell (its page,
    // every script and stylesheet it may load, translations included, and its icons) so /kiosk/ opens
    // with the hub down. The manifests are in public/; kiosk/pwa/ registers the worker and applies updates.
    VitePWA({
      injectRegister: false,
      manifest: false,
      // Where kiosk/pwa/service-worker.ts registers it: in /kiosk/, so its scope can be /kiosk/.
      filename: 'kiosk/sw.js',
      scope: '/kiosk/',
      workbox: {
        globPatterns: ['kiosk/index.html', 'kiosk/manifest.webmanifest', 'assets/**/*', 'icons/kiosk*', 'favicon.svg'],
        // The admin panel needs no offline mode.
        globIgnores: ['assets/admin-*'],
        // From the site's root: the worker lives in /kiosk/, the scripts in /assets/.
        modifyURLPrefix: { '': '/' },
        // Every kiosk page (?lang=en, ?pair) is the precached app shell.
        navigateFallback: '/kiosk/index.html',
        navigateFallbackAllowlist: [/^\/kiosk\//],
        // A new version waits for kiosk/pwa/update-machine.ts (SKIP_WAITING on the attract screen), then takes the page.
        skipWaiting: false,
        clientsClaim: true,
        inlineWorkboxRuntime: true,
      },
    }),
  ],
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
