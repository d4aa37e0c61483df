/**
 * Patron care for librarians and admins (their own scope in server/app.ts), over the embedded
 * library only: with ILS=sip2 patrons live in the library's own system and every route answers
 * 409 `patrons.managedByIls`. Answers never carry a PIN's hash; a generated PIN is in its one answer.
 *
 *   GET    /api/admin/patrons?q=&page=          search by card number (exact) or name (part) → PatronSearchPage
 *   GET    /api/admin/patrons/:card             one patron → PatronDetail
 *   POST   /api/admin/patrons/:card/pin         { pin? } a new initial PIN, typed or generated → PinResetDone
 *   POST   /api/admin/patrons/:card/unlock      clear wrong PINs and locks → PatronDetail
 *   PUT    /api/admin/patrons/:card/block       { reason } a manual block → PatronDetail
 *   DELETE /api/admin/patrons/:card/block       lift the manual block → PatronDetail
 *   PUT    /api/admin/patrons/:card/expiry      { expiresOn } → PatronDetail
 *
 * Every change is in the audit log with the card number as its target.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { API } from '../../shared/api/routes';
import { isAcceptablePin } from '../../shared/circulation/pin-policy';
import {
  BlockRequest,
  CardNumber,
  ExpiryChange,
  PatronSearchQuery,
  PinResetRequest,
  blockReasonOf,
  isExpiryDate,
  type PatronDetail,
  type PatronSearchPage,
  type PinResetDone,
} from '../../shared/patrons/schemas';
import type { HubConfig } from '../config';
import { HttpError } from '../http/http-error';
import { parseBody, parseParams, parseQuery } from '../http/parse-body';
import type { HubServices } from '../hub-services';
import { loadCirculationRules } from '../ils/embedded/circulation-rules';
import { hashSecret } from '../security/password-hash';
import { generatePin } from './generate-pin';
import { PatronRecords, type PatronCareRow } from './patron-records';

const CardParam = z.object({ card: CardNumber });

export function registerStaffPatronRoutes(app: FastifyInstance, services: HubServices, config: HubConfig): void {
  const { db, now, ils, audit } = services;
  const records = new PatronRecords(db);

  const embeddedOnly = (): void => {
    if (config.ils !== 'embedded') throw new HttpError(409, 'patrons.managedByIls');
  };
  /** The patron the path names. */
  const patronOf = (request: FastifyRequest): PatronCareRow => {
    embeddedOnly();
    const { card } = parseParams(CardParam, request.params, 'patron.unknown');
    const row = records.find(card);
    if (!row) throw new HttpError(404, 'patron.unknown');
    return row;
  };
  const detailOf = async (row: PatronCareRow): Promise<PatronDetail> => {
    const at = now();
    const status = await ils.patronStatus(row.card_number, { kioskId: 'admin', now: at });
    if (!status) throw new HttpError(404, 'patron.unknown');
    const rules = loadCirculationRules(db);
    return {
      cardNumber: row.card_number,
      displayName: row.display_name,
      fullName: row.full_name,
      category: row.category ?? null,
      expiresOn: row.expires_on,
      finesMinor: row.fines_minor,
      pinChangeRequired: row.pin_change_required === 1,
      blocks: status.blocks,
      manualBlockReason: status.blocks.includes('manual') ? row.manual_block_reason : null,
      loans: status.loans.map((loan) => ({ title: loan.item.title, barcode: loan.item.barcode, dueAt: loan.dueAt, overdue: loan.overdue })),
      holds: records.holdsOf(row.id),
      lock: records.lockStateOf(row.card_number, at, rules.lockout.locksBeforeDayLock),
    };
  };
  const reread = (row: PatronCareRow) => detailOf(records.find(row.card_number)!);

  app.get(API.staffPatrons, async (request): Promise<PatronSearchPage> => {
    embeddedOnly();
    const { q, page } = parseQuery(PatronSearchQuery, request.query);
    return records.search(q || undefined, page);
  });

  app.get(API.staffPatron, async (request): Promise<PatronDetail> => detailOf(patronOf(request)));

  app.post(API.staffPatronPin, async (request): Promise<PinResetDone> => {
    const row = patronOf(request);
    const { pin: typed } = parseBody(PinResetRequest, request.body ?? {});
    if (typed !== undefined && !isAcceptablePin(typed)) throw new HttpError(400, 'pin.weak');
    const pin = typed ?? generatePin();
    records.setInitialPin(row.card_number, await hashSecret(pin));
    audit.recordRequest(request, 'patron.pinReset', row.card_number);
    return { patron: await reread(row), generatedPin: typed === undefined ? pin : null };
  });

  app.post(API.staffPatronUnlock, async (request): Promise<PatronDetail> => {
    const row = patronOf(request);
    records.unlock(row.card_number);
    audit.recordRequest(request, 'patron.unlocked', row.card_number);
    return reread(row);
  });

  app.put(API.staffPatronBlock, async (request): Promise<PatronDetail> => {
    const row = patronOf(request);
    const reason = blockReasonOf(parseBody(BlockRequest, request.body).reason);
    if (reason === null) throw new HttpError(400, 'patron.blockReasonMissing');
    records.setBlock(row.card_number, reason);
    audit.recordRequest(request, 'patron.blocked', row.card_number);
    return reread(row);
  });

  app.delete(API.staffPatronBlock, async (request): Promise<PatronDetail> => {
    const row = patronOf(request);
    records.setBlock(row.card_number, null);
    audit.recordRequest(request, 'patron.unblocked', row.card_number);
    return reread(row);
  });

  app.put(API.staffPatronExpiry, async (request): Promise<PatronDetail> => {
    const row = patronOf(request);
    const { expiresOn } = parseBody(ExpiryChange, request.body);
    if (!isExpiryDate(expiresOn)) throw new HttpError(400, 'patron.expiryInvalid');
    records.setExpiry(row.card_number, expiresOn);
    audit.recordRequest(request, 'patron.expiryChanged', row.card_number);
    return reread(row);
  });
}
