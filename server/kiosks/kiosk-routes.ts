/**
 * A kiosk's identity and config.
 *
 *   POST /api/kiosk/claim-local   (public) the hub's own machine only → ClaimLocalResponse
 *   POST /api/kiosk/pair          (public) a pairing code from the admin panel → PairAnswer (the device token);
 *                                 400 pairing.codeInvalid, 429 rate.limited after 10 tries per address in 10 minutes
 *   GET  /api/kiosk/config        (kiosk) → KioskConfig
 *   POST /api/kiosk/heartbeat     (kiosk) Heartbeat → HeartbeatAnswer (the config's version)
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { Heartbeat, PairRequest, type HeartbeatAnswer, type PairAnswer } from '../../shared/api/fleet-schemas';
import { API } from '../../shared/api/routes';
import type { ClaimLocalResponse, KioskConfig } from '../../shared/api/schemas';
import { offlineCardCheck } from '../circulation/offline-cards';
import { HttpError } from '../http/http-error';
import { parseBody } from '../http/parse-body';
import { kioskIdOf } from './kiosk-auth';
import type { HubServices } from '../hub-services';

export function registerKioskClaimRoute(app: FastifyInstance, { kiosks }: HubServices): void {
  app.post(API.kioskClaimLocal, async (request): Promise<z.infer<typeof ClaimLocalResponse>> => {
    // Only a browser on the hub's own machine, by its connection (server/http/hub-machine.ts): not
    // request.ip, which a trusted proxy (TRUST_PROXY) sets from its forwarded header.
    if (!request.fromHubMachine) throw new HttpError(403, 'kiosk.unknown');
    const token = kiosks.claimLocal();
    // Revoked by staff: paired again like any other kiosk.
    if (token === null) throw new HttpError(403, 'kiosk.unknown');
    return { token };
  });
}

export function registerKioskPairRoute(app: FastifyInstance, { kiosks, pairingCodes, pairingThrottle, audit }: HubServices): void {
  app.post(API.kioskPair, async (request): Promise<PairAnswer> => {
    if (!pairingThrottle.allow(request.ip)) throw new HttpError(429, 'rate.limited');
    const { code } = parseBody(PairRequest, request.body);
    const kioskId = pairingCodes.redeem(code);
    if (kioskId === null) throw new HttpError(400, 'pairing.codeInvalid');
    const token = kiosks.pair(kioskId);
    audit.record({ staff: null, action: 'kiosk.paired', target: kiosks.row(kioskId)?.name ?? kioskId, address: request.ip });
    return { token };
  });
}

export function registerKioskConfigRoute(app: FastifyInstance, { kiosks, db, now }: HubServices): void {
  app.get(API.kioskConfig, async (request): Promise<KioskConfig> => {
    const config = kiosks.config(kioskIdOf(request));
    if (!config) throw new HttpError(401, 'kiosk.unknown');
    // Offline borrowing: the loan period and the blocked cards (hashed), refreshed with the config.
    return { ...config, offline: { ...config.offline, ...(await offlineCardCheck(db, now())) } };
  });

  app.post(API.kioskHeartbeat, async (request): Promise<HeartbeatAnswer> => {
    const kioskId = kioskIdOf(request);
    kiosks.recordHeartbeat(kioskId, parseBody(Heartbeat, request.body));
    const config = kiosks.config(kioskId);
    if (!config) throw new HttpError(401, 'kiosk.unknown');
    return { configVersion: config.configVersion };
  });
}
