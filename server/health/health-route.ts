import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { API } from '../../shared/api/routes';
import type { Health } from '../../shared/api/schemas';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export function registerHealthRoute(app: FastifyInstance): void {
  app.get(API.health, async (): Promise<z.infer<typeof Health>> => ({
    status: 'ok',
    version: packageJson.version,
    uptimeSeconds: Math.round(process.uptime()),
  }));
}
