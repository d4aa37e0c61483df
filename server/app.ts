/** The hub's HTTP application, ready for `listen` (main.ts) or `inject` (tests). */
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Database } from 'better-sqlite3';
import compress from '@fastify/compress';
import { registerCirculationRoutes } from './circulation/circulation-routes';
import { registerKioskOfflineRoutes } from './circulation/kiosk-offline-routes';
import { registerStaffOfflineRoutes } from './circulation/staff-offline-routes';
import { systemClock, type Clock, type Sleep } from './clock';
import type { HubConfig } from './config';
import { registerCoverRoutes } from './covers/cover-routes';
import { migrate } from './db/database';
import { registerHealthRoute } from './health/health-route';
import { registerErrorHandling } from './http/error-handling';
import { registerHubMachineCheck } from './http/hub-machine';
import { registerHttpsRedirect } from './http/https-redirect';
import { registerRateLimit } from './http/rate-limit';
import { registerOriginCheck } from './http/request-origin';
import { registerSecurityHeaders } from './http/security-headers';
import { redactedRequestUrl } from './ebooks/redact-download-url';
import { registerKioskEbookRoutes } from './ebooks/kiosk-ebook-routes';
import { registerPhoneRoutes } from './ebooks/phone-routes';
import { registerPublicEbookRoutes } from './ebooks/public-ebook-routes';
import { registerStaffEbookRoutes } from './ebooks/staff-ebook-routes';
import { createHubServices } from './hub-services';
import { registerStaffImportRoutes } from './import/staff-import-routes';
import { registerAdminIlsRoutes } from './ils/ils-admin-routes';
import type { IlsPort } from './ils/ils-port';
import { requireKioskToken } from './kiosks/kiosk-auth';
import { registerAdminKioskRoutes } from './kiosks/admin-kiosk-routes';
import { registerAdminProfileRoutes } from './kiosks/admin-profile-routes';
import { registerProfileImageRoute } from './kiosks/profile-image-route';
import { registerKioskClaimRoute, registerKioskConfigRoute, registerKioskPairRoute } from './kiosks/kiosk-routes';
import { registerSessionRoutes } from './patron-sessions/session-routes';
import { registerStaffPatronRoutes } from './patrons/staff-patron-routes';
import { registerKioskReceiptRoutes } from './receipts/kiosk-receipt-routes';
import { registerPhoneReceiptRoutes } from './receipts/phone-receipt-routes';
import { registerAdminAuditRoutes } from './staff/admin-audit-routes';
import { registerAdminStaffRoutes } from './staff/admin-staff-routes';
import { requireRole, requireStaff } from './staff/require-staff';
import { registerStaffOwnAccountRoutes } from './staff/staff-own-account-routes';
import { registerStaffRoutes } from './staff/staff-routes';
import { registerStaffStatisticsRoutes } from './statistics/staff-statistics-routes';
import { registerApps } from './static/serve-apps';
import { registerCaCertificateRoute } from './tls/ca-certificate-route';

export interface BuildAppOptions {
  config: HubConfig;
  db: Database;
  now?: Clock;
  /** false for silence (tests); an object is merged into the pino options. */
  logger?: boolean | object;
  /** The library's ILS; the embedded one over `db` unless given (a SIP2 adapter, a test double). */
  ils?: IlsPort;
  /** How the hub waits (a failed sign-in is answered late on purpose); tests pass one that does not. */
  sleep?: Sleep;
  /** Absolute path of the built apps (dist/apps), served at / when given. */
  appsDir?: string | null;
  /** Given when the hub also serves HTTPS (main.ts, server/tls/): plain HTTP then sends LAN pages there. */
  https?: { port: number; caCertFile: string | null } | null;
}

export async function buildApp({ config, db, now = systemClock, logger = true, ils, appsDir, sleep, https }: BuildAppOptions): Promise<FastifyInstance> {
  migrate(db);
  const services = createHubServices(config, db, now, ils, sleep);
  // Forwarded headers count only from the proxies TRUST_PROXY names (then request.ip is the browser's).
  const trustProxy = config.trustProxy.length > 0 ? config.trustProxy : false;
  const app = Fastify({ logger: loggerOptions(config, logger), bodyLimit: 64 * 1024, trustProxy });
  // The ILS may hold connections (SIP2's pool): let them go when the hub stops.
  app.addHook('onClose', async () => services.ils.close?.());

  registerErrorHandling(app);
  registerSecurityHeaders(app);
  registerHubMachineCheck(app, config.trustProxy);
  if (https) registerHttpsRedirect(app, config, https.port);
  registerOriginCheck(app, config);
  registerHealthRoute(app);
  // JSON answers only (the e-book catalogue is ~5 MB for 10,000 titles); files, pages and
  // server-sent events are left alone. Brotli at quality 4 costs the hub less than it saves.
  await app.register(compress, { customTypes: /^application\/json\b/, encodings: ['br', 'gzip'], threshold: 2048 });

  await app.register(async (limited) => {
    await registerRateLimit(limited, config.rateLimitMax, services.kiosks);
    registerKioskClaimRoute(limited, services);
    registerKioskPairRoute(limited, services);
    registerStaffRoutes(limited, services);
    registerCoverRoutes(limited, services);
    registerProfileImageRoute(limited, config);
    registerPublicEbookRoutes(limited, services, config);
    registerPhoneRoutes(limited, services, config);
    registerPhoneReceiptRoutes(limited, services, config);
    if (https?.caCertFile) registerCaCertificateRoute(limited, https.caCertFile);

    await limited.register(async (kioskScope) => {
      requireKioskToken(kioskScope, services.kiosks);
      registerKioskConfigRoute(kioskScope, services);
      registerSessionRoutes(kioskScope, services);
      registerCirculationRoutes(kioskScope, services);
      registerKioskOfflineRoutes(kioskScope, services);
      registerKioskEbookRoutes(kioskScope, services, config);
      registerKioskReceiptRoutes(kioskScope, services, config);
    });

    await limited.register(async (staffScope) => {
      requireStaff(staffScope, services.staffSessions);
      registerStaffOwnAccountRoutes(staffScope, services);
      registerStaffEbookRoutes(staffScope, services, config);
      registerStaffImportRoutes(staffScope, services, config);

      // Librarians read the statistics too (every staff role today, named so a new role is not let in by default).
      await staffScope.register(async (statisticsScope) => {
        requireRole(statisticsScope, 'admin', 'librarian');
        registerStaffStatisticsRoutes(statisticsScope, services, config);
        registerStaffOfflineRoutes(statisticsScope, services);
      });

      // Patron care is the library's work: librarians and admins.
      await staffScope.register(async (patronScope) => {
        requireRole(patronScope, 'admin', 'librarian');
        registerStaffPatronRoutes(patronScope, services, config);
      });

      await staffScope.register(async (adminScope) => {
        requireRole(adminScope, 'admin');
        registerAdminStaffRoutes(adminScope, services);
        registerAdminAuditRoutes(adminScope, services);
        registerAdminIlsRoutes(adminScope, services, config);
        registerAdminKioskRoutes(adminScope, services);
        registerAdminProfileRoutes(adminScope, services, config);
      });
    });
  });

  if (appsDir) await registerApps(app, appsDir);
  await app.ready();
  return app;
}

function loggerOptions(config: HubConfig, logger: boolean | object): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  return {
    level: config.logLevel,
    // Request bodies are never logged; tokens are redacted should headers ever be.
    redact: { paths: ['req.headers.authorization', 'req.headers["x-kiosk-token"]'], censor: '[redacted]' },
    serializers: {
      // Fastify's own request fields, with download tokens and short codes masked in the URL.
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactedRequestUrl(request),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
    ...(typeof logger === 'object' ? logger : {}),
  };
}
