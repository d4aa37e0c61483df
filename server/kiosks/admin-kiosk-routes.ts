/**
 * Admins run the kiosk fleet (admin scope: `requireRole(scope, 'admin')`). Every change is in the audit log.
 *
 *   GET   /api/admin/kiosks                      every kiosk, live → FleetList
 *   POST  /api/admin/kiosks                      name, location, profile → 201 IssuedPairingCode (a new kiosk)
 *   PATCH /api/admin/kiosks/:id                  rename, move, change profile → FleetKiosk
 *   POST  /api/admin/kiosks/:id/pairing-code     a new code to pair (again) → IssuedPairingCode
 *   POST  /api/admin/kiosks/:id/revoke           tokens deleted, its patron sessions ended → FleetKiosk
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AddKioskRequest, KioskChange, type FleetKiosk, type FleetList, type IssuedPairingCode } from '../../shared/api/fleet-schemas';
import { API } from '../../shared/api/routes';
import { HttpError } from '../http/http-error';
import { parseBody, parseParams } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { fleetList } from './fleet-status';
import type { KioskRow } from './kiosk-registry';

const KioskIdParam = z.object({ id: z.string().min(1).max(64) });

export function registerAdminKioskRoutes(app: FastifyInstance, { kiosks, pairingCodes, patronSessions, audit, now }: HubServices): void {
  const kioskOf = (request: FastifyRequest): KioskRow => {
    const { id } = parseParams(KioskIdParam, request.params, 'fleet.kioskUnknown');
    const row = kiosks.row(id);
    if (!row) throw new HttpError(404, 'fleet.kioskUnknown');
    return row;
  };
  const fleetKiosk = (kioskId: string): FleetKiosk => {
    const kiosk = fleetList(kiosks, pairingCodes, now).kiosks.find((candidate) => candidate.id === kioskId);
    if (!kiosk) throw new HttpError(404, 'fleet.kioskUnknown');
    return kiosk;
  };

  app.get(API.staffKiosks, async (): Promise<FleetList> => fleetList(kiosks, pairingCodes, now));

  app.post(API.staffKiosks, async (request, reply): Promise<IssuedPairingCode> => {
    const { name, location, profileId } = parseBody(AddKioskRequest, request.body);
    const kioskId = kiosks.add(name, location, profileId);
    audit.recordRequest(request, 'kiosk.added', name);
    const issued = pairingCodes.issue(kioskId);
    audit.recordRequest(request, 'kiosk.pairingCodeIssued', name);
    void reply.code(201);
    return issued;
  });

  app.patch(API.staffKiosk, async (request): Promise<FleetKiosk> => {
    const kiosk = kioskOf(request);
    const change = parseBody(KioskChange, request.body);
    kiosks.change(kiosk.id, change);
    audit.recordRequest(request, 'kiosk.changed', change.name ?? kiosk.name);
    return fleetKiosk(kiosk.id);
  });

  app.post(API.staffKioskPairingCode, async (request): Promise<IssuedPairingCode> => {
    const kiosk = kioskOf(request);
    const issued = pairingCodes.issue(kiosk.id);
    audit.recordRequest(request, 'kiosk.pairingCodeIssued', kiosk.name);
    return issued;
  });

  app.post(API.staffKioskRevoke, async (request): Promise<FleetKiosk> => {
    const kiosk = kioskOf(request);
    kiosks.revoke(kiosk.id);
    pairingCodes.cancel(kiosk.id);
    // Whoever is signed in there is signed out now: the kiosk learns at its next call (within 30 s).
    patronSessions.endAllAt(kiosk.id);
    audit.recordRequest(request, 'kiosk.revoked', kiosk.name);
    return fleetKiosk(kiosk.id);
  });
}
