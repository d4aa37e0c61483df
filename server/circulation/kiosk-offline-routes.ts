/**
 * Store-and-forward (kiosk scope): a kiosk back online sends what it did while the hub was down,
 * oldest first, up to OFFLINE_BATCH_MAX transactions a request (one request for the rate limit).
 *
 *   POST /api/kiosk/offline-transactions   OfflineBatch → OfflineBatchAnswer
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/api/routes';
import { OfflineBatch, type OfflineBatchAnswer } from '../../shared/api/schemas';
import { parseBody } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { loadCirculationRules } from '../ils/embedded/circulation-rules';
import { kioskIdOf } from '../kiosks/kiosk-auth';
import { replayOfflineBatch } from './offline-replay';

export function registerKioskOfflineRoutes(app: FastifyInstance, services: HubServices): void {
  app.post(API.kioskOfflineTransactions, async (request): Promise<OfflineBatchAnswer> => {
    const { transactions } = parseBody(OfflineBatch, request.body);
    const { loanPeriodDays } = loadCirculationRules(services.db);
    return { results: await replayOfflineBatch(services, kioskIdOf(request), transactions, loanPeriodDays) };
  });
}
