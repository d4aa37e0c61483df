/**
 * The admin panel's Library system page (admin scope: `requireRole(scope, 'admin')`).
 *
 *   GET  /api/admin/ils        the ILS settings the hub runs with, password left out → IlsSettingsView
 *   POST /api/admin/ils/test   logs in to the SIP2 server with them and asks its status → IlsConnectionTest
 */
import type { FastifyInstance } from 'fastify';
import type { IlsConnectionTest, IlsSettingsView } from '../../shared/api/ils-settings-schemas';
import { API } from '../../shared/api/routes';
import type { HubConfig } from '../config';
import { HttpError } from '../http/http-error';
import { testConnection, type ConnectionTest } from './sip2/test-connection';
import type { Sip2Settings } from './sip2/sip2-settings';

export interface IlsAdminOptions {
  /** Injectable for tests; the adapter's own by default. */
  test?: (settings: Sip2Settings) => Promise<ConnectionTest>;
}

export function registerAdminIlsRoutes(app: FastifyInstance, config: HubConfig, { test = testConnection }: IlsAdminOptions = {}): void {
  app.get(API.staffIls, async (): Promise<IlsSettingsView> => ({ ils: config.ils, sip2: config.sip2 && withoutPassword(config.sip2) }));

  app.post(API.staffIlsTest, async (): Promise<IlsConnectionTest> => {
    // The embedded ILS is the hub's own database: there is no connection to test.
    if (!config.sip2) throw new HttpError(409, 'request.invalid');
    const result = await test(config.sip2);
    if (!result.ok) return result;
    return { ok: true, online: result.status.online, allows: result.allows, libraryName: result.status.libraryName };
  });
}

function withoutPassword({ password, ...settings }: Sip2Settings): NonNullable<IlsSettingsView['sip2']> {
  return { ...settings, passwordSet: password !== '' };
}
