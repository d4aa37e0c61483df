/**
 * Whether a request comes from a browser on the hub's own machine: its connection is from a
 * loopback address, and not from a reverse proxy named in TRUST_PROXY (a proxy on the same
 * machine forwards other machines' requests). The socket's address decides, never a header.
 */
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    fromHubMachine: boolean;
  }
}

export function isLoopbackAddress(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

export function isFromHubMachine(socketAddress: string | undefined, trustedProxies: readonly string[]): boolean {
  if (socketAddress === undefined || !isLoopbackAddress(socketAddress)) return false;
  return !trustedProxies.includes(socketAddress.toLowerCase().replace(/^::ffff:(?=\d)/, ''));
}

export function registerHubMachineCheck(app: FastifyInstance, trustedProxies: readonly string[]): void {
  app.decorateRequest('fromHubMachine', false);
  app.addHook('onRequest', async (request) => {
    request.fromHubMachine = isFromHubMachine(request.socket.remoteAddress, trustedProxies);
  });
}
