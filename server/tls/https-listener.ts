/**
 * HTTPS next to plain HTTP, on the same Fastify app: the TLS server hands every request to the
 * app's router, so both listeners share one set of services (sessions, kiosk registry, rate limits)
 * and `request.protocol` says which one a request came in on.
 */
import { createServer, type Server } from 'node:https';
import type { FastifyInstance } from 'fastify';
import type { HubTls } from './hub-tls';

/** How often the hub checks that its certificate still covers its addresses and is not expiring. */
const REFRESH_MS = 60 * 60 * 1000;

export async function listenHttps(app: FastifyInstance, tls: HubTls, port: number, host: string, now: () => Date): Promise<Server> {
  const server = createServer({ ...tls.credentials }, (request, response) => app.routing(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const timer = setInterval(() => {
    try {
      const renewed = tls.refresh(now());
      if (renewed) {
        server.setSecureContext({ ...renewed });
        app.log.info('issued a new HTTPS certificate for the hub\'s current addresses');
      }
    } catch (error) {
      app.log.error({ err: error }, 'could not issue a new HTTPS certificate; the current one stays');
    }
  }, REFRESH_MS);
  timer.unref();
  server.on('close', () => clearInterval(timer));
  return server;
}

export function closeHttps(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
