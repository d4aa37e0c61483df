/** Serves the built kiosk and admin apps (dist/apps) when they exist. */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export async function registerApps(app: FastifyInstance, appsDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: appsDir,
    prefix: '/',
    redirect: true,
    // Hashed bundles never change; pages must be revalidated so a new build is picked up.
    cacheControl: false,
    setHeaders(reply, path) {
      const immutable = /[\\/]assets[\\/]/.test(path);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/', (_request, reply) => reply.redirect('/kiosk/'));
}
