/**
 * The ILS port over SIP2, for Koha, Evergreen, FOLIO (edge-sip2) and Interlib. SIP2 answers a
 * refused checkout or renewal with "no" and free text only, so a refusal is followed by a look
 * at the patron (63) and the item (17) to give the kiosk the same refusal codes as the embedded ILS.
 */
import type { Loan } from '../../../shared/api/schemas';
import type { RefusalCode } from '../../../shared/circulation/codes';
import {
  checkinRequest,
  checkoutRequest,
  CIRCULATION_STATUS,
  endPatronSessionRequest,
  formatSipDate,
  itemInformationRequest,
  parseSipDate,
  patronInformationRequest,
  readCheckinReply,
  readCirculationReply,
  readItemInformation,
  readPatronInformation,
  renewRequest,
  type ItemInformation,
  type PatronInformation,
  type Station,
  type SummaryList,
} from '../../../shared/sip2';
import type {
  AuthenticateResult,
  CheckinOutcome,
  CheckoutOutcome,
  CirculationContext,
  IlsPort,
  OfflineCheckoutOutcome,
  PatronStatusResult,
  RenewOutcome,
} from '../ils-port';
import { IlsUnsupportedError } from '../ils-port';
import type { Sip2Connection } from './sip2-connection';
import { blocksOf, dispositionOf, itemOf, minorUnits, wordsOf } from './sip2-mapping';
import { DEFAULT_POOL_OPTIONS, Sip2Pool, type Sip2PoolOptions } from './sip2-pool';
import type { Sip2Settings } from './sip2-settings';

/** The port's PatronSummary needs a loan limit; SIP2 servers send one (CB) only sometimes. */
const LOAN_LIMIT_NOT_GIVEN = 99;

interface Refusal {
  code: RefusalCode;
  item: ReturnType<typeof itemOf> | null;
  blocks?: ReturnType<typeof blocksOf>;
}

export interface Sip2IlsOptions {
  /** The library's time zone: SIP2 dates are local time. */
  timeZone: string;
  pool?: Partial<Sip2PoolOptions>;
}

export class Sip2Ils implements IlsPort {
  /** SIP2 has no message to change a PIN. */
  readonly canChangePin = false;
  readonly pinFormat = 'printable';
  readonly pool: Sip2Pool;
  private readonly station: Station;
  private readonly timeZone: string;

  constructor(private readonly settings: Sip2Settings, options: Sip2IlsOptions) {
    this.pool = new Sip2Pool(settings, { ...DEFAULT_POOL_OPTIONS, ...options.pool });
    this.station = { institutionId: settings.institution, terminalPassword: '' };
    this.timeZone = options.timeZone;
  }

  async authenticatePatron(cardNumber: string, pin: string, ctx: CirculationContext): Promise<AuthenticateResult> {
    const patron = await this.pool.run((c, deadline) => this.patronInformation(c, deadline, ctx, cardNumber, { patronPassword: pin }));
    if (patron.validPatron === false) return { ok: false, code: 'card.unknown' };
    // A server that leaves CQ out has not said the PIN is right.
    if (patron.validPassword !== true) return { ok: false, code: 'pin.wrong' };
    // SIP2 cannot change a PIN, so it never asks for one to be changed.
    return { ok: true, pinChangeRequired: false };
  }

  async changePin(): Promise<void> {
    throw new IlsUnsupportedError('pin.changeAtDesk');
  }

  async patronStatus(cardNumber: string, ctx: CirculationContext): Promise<PatronStatusResult | null> {
    return this.pool.run(async (c, deadline) => {
      const patron = await this.patronInformation(c, deadline, ctx, cardNumber, { list: 'chargedItems' });
      if (patron.validPatron === false) return null;
      const loans: Loan[] = [];
      for (const barcode of patron.chargedItems) {
        loans.push(this.loanOf(barcode, await this.itemInformation(c, deadline, ctx, barcode), patron, ctx));
      }
      const loanCount = patron.chargedItemsCount ?? loans.length;
      const { screenMessage } = wordsOf(patron);
      const limit = patron.chargedItemsLimit ?? (patron.flags.has('tooManyItemsCharged') ? loanCount : LOAN_LIMIT_NOT_GIVEN);
      return {
        displayName: patron.personalName ?? '',
        blocks: blocksOf(patron.flags),
        loanCount,
        loanLimit: limit,
        holdsReady: patron.holdItemsCount ?? 0,
        finesMinor: minorUnits(patron.feeAmount),
        ...(screenMessage ? { screenMessage } : {}),
        loans,
      };
    });
  }

  async itemInfo(barcode: string, ctx: CirculationContext) {
    const info = await this.pool.run((c, deadline) => this.itemInformation(c, deadline, ctx, barcode));
    return info.title === null ? null : itemOf(info.itemId ?? barcode, info.title, info.callNumber);
  }

  async checkout(cardNumber: string, barcode: string, ctx: CirculationContext): Promise<CheckoutOutcome> {
    return this.pool.run(async (c, deadline) => {
      const reply = readCirculationReply(await c.exchange(checkoutRequest(this.station, this.at(ctx), cardNumber, barcode), deadline));
      const item = reply.title === null ? null : itemOf(reply.itemId ?? barcode, reply.title);
      if (reply.ok) {
        const info = item ? null : await this.itemInformation(c, deadline, ctx, barcode);
        const dueAt = this.date(reply.dueDate) ?? this.date(info?.dueDate ?? null) ?? (await this.dueDateOf(c, deadline, ctx, barcode));
        return { ok: true, item: item ?? itemOf(barcode, info?.title ?? null, info?.callNumber ?? null), dueAt, ...wordsOf(reply) };
      }
      const refusal = await this.diagnose(c, deadline, ctx, cardNumber, barcode, 'checkout');
      return { ok: false, ...refusal, item: refusal.item ?? item, ...wordsOf(reply) };
    });
  }

  /**
   * An offline checkout in "no block" mode (11 with no block Y, its own time and due date), only where
   * the server's 98 says it takes offline transactions. The patron and item are looked at first, as of
   * then, so that what the ILS must now accept (a blocked patron, an item lent to someone else…) is
   * listed for staff as the embedded ILS lists it.
   */
  async offlineCheckout(cardNumber: string, barcode: string, loan: { occurredAt: Date; dueAt: Date }): Promise<OfflineCheckoutOutcome> {
    const ctx = { kioskId: 'offline', now: loan.occurredAt };
    return this.pool.run(async (c, deadline) => {
      if (!c.status?.offlineOk) return { ok: false, code: 'ils.offlineNotAllowed', item: null };
      const before = await this.obstacle(c, deadline, ctx, cardNumber, barcode, 'checkout');
      if (before.code === 'card.unknown' || before.code === 'item.unknown') return { ok: false, code: before.code, item: before.item };
      if (before.code === 'item.alreadyOnLoanToYou') return { ok: true, item: before.item!, conflict: null };
      const request = checkoutRequest(this.station, this.at(ctx), cardNumber, barcode, formatSipDate(loan.dueAt, this.timeZone));
      const reply = readCirculationReply(await c.exchange(request, deadline));
      const item = before.item ?? itemOf(reply.itemId ?? barcode, reply.title);
      // Refused even so: the conflict found before is the likeliest reason.
      if (!reply.ok) return { ok: false, code: before.code ?? 'item.notForLoan', item };
      return { ok: true, item, conflict: before.code };
    });
  }

  async checkin(barcode: string, ctx: CirculationContext): Promise<CheckinOutcome> {
    return this.pool.run((c, deadline) => this.checkinOn(c, deadline, ctx, barcode, false));
  }

  /** An offline return in "no block" mode (09 with no block Y, dated when it happened), where the 98 allows it. */
  async offlineCheckin(barcode: string, ctx: CirculationContext): Promise<CheckinOutcome> {
    return this.pool.run(async (c, deadline) => {
      if (!c.status?.offlineOk) return { ok: false, code: 'ils.offlineNotAllowed', item: null };
      return this.checkinOn(c, deadline, ctx, barcode, true);
    });
  }

  async renew(cardNumber: string, barcode: string, ctx: CirculationContext): Promise<RenewOutcome> {
    return this.pool.run(async (c, deadline) => {
      const reply = readCirculationReply(await c.exchange(renewRequest(this.station, this.at(ctx), cardNumber, barcode), deadline));
      const item = reply.title === null ? null : itemOf(reply.itemId ?? barcode, reply.title);
      if (reply.ok) {
        const dueAt = this.date(reply.dueDate) ?? (await this.dueDateOf(c, deadline, ctx, barcode));
        return { ok: true, item: item ?? itemOf(barcode, null), dueAt, ...wordsOf(reply) };
      }
      const refusal = await this.diagnose(c, deadline, ctx, cardNumber, barcode, 'renew');
      return { ok: false, code: refusal.code, item: refusal.item ?? item, ...wordsOf(reply) };
    });
  }

  async loanedBarcodes(cardNumber: string, ctx: CirculationContext): Promise<string[]> {
    const patron = await this.pool.run((c, deadline) => this.patronInformation(c, deadline, ctx, cardNumber, { list: 'chargedItems' }));
    return patron.chargedItems;
  }

  async endSession(cardNumber: string, ctx: CirculationContext): Promise<void> {
    try {
      await this.pool.run((c, deadline) => c.exchange(endPatronSessionRequest(this.station, this.at(ctx), cardNumber), deadline));
    } catch {
      // The kiosk's session is over either way; the ILS keeps no state a patron could be harmed by.
    }
  }

  async close(): Promise<void> {
    this.pool.close();
  }

  private async checkinOn(c: Sip2Connection, deadline: number, ctx: CirculationContext, barcode: string, noBlock: boolean): Promise<CheckinOutcome> {
    const request = checkinRequest(this.station, this.at(ctx), barcode, this.settings.location, noBlock);
    const reply = readCheckinReply(await c.exchange(request, deadline));
    const item = reply.title === null ? null : itemOf(reply.itemId ?? barcode, reply.title, reply.callNumber);
    if (!reply.ok) {
      // A known item the ILS would not check in is, in practice, one that was not on loan.
      const code: RefusalCode = item ? 'item.notOnLoan' : 'item.unknown';
      return { ok: false, code, item, ...wordsOf(reply) };
    }
    return {
      ok: true,
      item: item ?? itemOf(barcode, null),
      disposition: dispositionOf(reply),
      // 10 Checkin does not say whether the item came back late.
      wasOverdue: false,
      patronCard: reply.patronId,
      ...(reply.sortBin ? { sortBin: reply.sortBin } : {}),
      ...wordsOf(reply),
    };
  }

  /**
   * The refusal code for a "no": the patron first (unknown, blocked, at the limit), then the
   * item (unknown, on loan, on hold). What is left is the ILS's own rule: its AF text says which.
   */
  private async diagnose(
    c: Sip2Connection,
    deadline: number,
    ctx: CirculationContext,
    cardNumber: string,
    barcode: string,
    action: 'checkout' | 'renew',
  ): Promise<Refusal> {
    const found = await this.obstacle(c, deadline, ctx, cardNumber, barcode, action);
    return { ...found, code: found.code ?? 'item.notForLoan' };
  }

  /** What stands in the way of lending (or renewing) the item to the patron, from 63 and 17; null: nothing we can name. */
  private async obstacle(
    c: Sip2Connection,
    deadline: number,
    ctx: CirculationContext,
    cardNumber: string,
    barcode: string,
    action: 'checkout' | 'renew',
  ): Promise<Omit<Refusal, 'code'> & { code: RefusalCode | null }> {
    const patron = await this.patronInformation(c, deadline, ctx, cardNumber, { list: 'chargedItems' });
    const info = await this.itemInformation(c, deadline, ctx, barcode);
    const item = info.title === null ? null : itemOf(info.itemId ?? barcode, info.title, info.callNumber);
    if (patron.validPatron === false) return { code: 'card.unknown', item };
    const blocks = blocksOf(patron.flags);
    if (blocks.length > 0) return { code: 'patron.blocked', item, ...(action === 'checkout' ? { blocks } : {}) };
    const onHold = info.circulationStatus === CIRCULATION_STATUS.waitingOnHoldShelf || (info.holdQueueLength ?? 0) > 0;
    const onLoanToPatron = patron.chargedItems.includes(barcode);
    if (action === 'renew') {
      if (!onLoanToPatron) return { code: 'renew.notOnLoanToYou', item };
      if (onHold || info.circulationStatus === CIRCULATION_STATUS.recalled) return { code: 'renew.onHold', item };
      return { code: 'renew.limitReached', item };
    }
    if (!item) return { code: 'item.unknown', item };
    if (onLoanToPatron) return { code: 'item.alreadyOnLoanToYou', item };
    const charged: string[] = [CIRCULATION_STATUS.charged, CIRCULATION_STATUS.chargedNotRecallable, CIRCULATION_STATUS.recalled];
    if (charged.includes(info.circulationStatus)) return { code: 'item.onLoanToOther', item };
    if (onHold) return { code: 'item.reservedForOther', item };
    if (patron.flags.has('tooManyItemsCharged')) return { code: 'patron.limitReached', item };
    return { code: null, item };
  }

  private async patronInformation(
    c: Sip2Connection,
    deadline: number,
    ctx: CirculationContext,
    cardNumber: string,
    options: { patronPassword?: string; list?: SummaryList },
  ): Promise<PatronInformation> {
    return readPatronInformation(await c.exchange(patronInformationRequest(this.station, this.at(ctx), cardNumber, options), deadline));
  }

  private async itemInformation(c: Sip2Connection, deadline: number, ctx: CirculationContext, barcode: string): Promise<ItemInformation> {
    return readItemInformation(await c.exchange(itemInformationRequest(this.station, this.at(ctx), barcode), deadline));
  }

  /** A lent item without a due date in the reply: ask for it; if even 17 has none, the loan is due now. */
  private async dueDateOf(c: Sip2Connection, deadline: number, ctx: CirculationContext, barcode: string): Promise<Date> {
    return this.date((await this.itemInformation(c, deadline, ctx, barcode)).dueDate) ?? ctx.now;
  }

  private loanOf(barcode: string, info: ItemInformation, patron: PatronInformation, ctx: CirculationContext): Loan {
    const dueAt = this.date(info.dueDate) ?? ctx.now;
    return {
      item: itemOf(info.itemId ?? barcode, info.title, info.callNumber),
      // SIP2 does not say when an item was lent (the kiosk does not show it).
      checkedOutAt: ctx.now.toISOString(),
      dueAt: dueAt.toISOString(),
      overdue: dueAt < ctx.now,
      // Nor how often it was renewed: the ILS decides when asked, unless renewals are denied outright.
      renewals: 0,
      renewalsLeft: patron.flags.has('renewalPrivilegesDenied') ? 0 : 1,
    };
  }

  private at(ctx: CirculationContext): string {
    return formatSipDate(ctx.now, this.timeZone);
  }

  private date(text: string | null): Date | null {
    return text === null ? null : parseSipDate(text, this.timeZone);
  }
}
