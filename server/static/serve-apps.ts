/** Serves the built kiosk and admin apps (dist/apps) when they exist. */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export async function registerApps(app: FastifyInstance, appsDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: appsDir,
    prefix: '/',
    redirect: true,
    // Hashed bundles never change. Pages, the kiosk's service worker (kiosk/sw.js, whose folder is its
    // scope) and the manifests are revalidated, so a new build is picked up: docs/offline.md.
    cacheControl: false,
    setHeaders(reply, path) {
      const immutable = /[\\/]assets[\\/]/.test(path);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/', (_request, reply) => reply.redirect('/kiosk/'));
}
