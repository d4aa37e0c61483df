/**
 * Store-and-forward (kiosk scope): a kiosk back online sends what it did while the hub was down,
 * one transaction at a time, oldest first.
 *
 *   POST /api/kiosk/offline-transactions   OfflineTransaction → OfflineReplayResult
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/api/routes';
import { OfflineTransaction, type OfflineReplayResult } from '../../shared/api/schemas';
import { parseBody } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { loadCirculationRules } from '../ils/embedded/circulation-rules';
import { kioskIdOf } from '../kiosks/kiosk-auth';
import { replayOfflineTransaction } from './offline-replay';

export function registerKioskOfflineRoutes(app: FastifyInstance, services: HubServices): void {
  app.post(API.kioskOfflineTransactions, async (request): Promise<OfflineReplayResult> => {
    const transaction = parseBody(OfflineTransaction, request.body);
    const { loanPeriodDays } = loadCirculationRules(services.db);
    return replayOfflineTransaction(services, kioskIdOf(request), transaction, loanPeriodDays);
  });
}
