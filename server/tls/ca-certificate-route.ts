/**
 * GET /ca.crt: the hub's local CA certificate, over plain HTTP too, so staff can fetch it on a
 * kiosk machine and trust it (README, "Running a real kiosk"). Public: it holds no secret.
 */
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { CA_CERTIFICATE } from '../../shared/api/routes';

export function registerCaCertificateRoute(app: FastifyInstance, caCertFile: string): void {
  app.get(CA_CERTIFICATE, async (_request, reply) => {
    reply.header('content-type', 'application/x-x509-ca-cert').header('content-disposition', 'attachment; filename="library-hub-ca.crt"');
    return reply.send(await readFile(caCertFile));
  });
}
