/**
 * The default ILS: circulation over the hub's own SQLite database, for libraries without
 * an ILS of their own (and for the demo). The SQL is synchronous; each circulation change
 * runs in one transaction, so two kiosks can never lend the same item twice.
 */
import type { Database } from 'better-sqlite3';
import type { Item, Loan } from '../../../shared/api/schemas';
import { isValidIsbn13 } from '../../../shared/barcodes';
import type { RefusalCode } from '../../../shared/circulation/codes';
import { hashSecret, verifySecret } from '../../security/password-hash';
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
import {
  canBorrow,
  dueDateForCheckout,
  dueDateForRenewal,
  loadCirculationRules,
  patronBlocks,
  renewalsLeft,
  type CirculationRules,
} from './circulation-rules';
import { toItem, type HoldRow, type ItemRow, type LoanRow, type PatronRow } from './rows';

type LoanWithItemRow = LoanRow & ItemRow;

export class EmbeddedIls implements IlsPort {
  readonly canChangePin = true;
  readonly pinFormat = 'digits';
  private readonly sql: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: Database) {
    this.sql = prepareStatements(db);
  }

  async authenticatePatron(cardNumber: string, pin: string): Promise<AuthenticateResult> {
    const patron = this.patron(cardNumber);
    if (!patron) return { ok: false, code: 'card.unknown' };
    // Imported without a PIN (server/import/store-import.ts): no PIN can match until staff set one.
    if (patron.pin_hash === '') return { ok: false, code: 'pin.notSet' };
    if (!(await verifySecret(pin, patron.pin_hash))) return { ok: false, code: 'pin.wrong' };
    return { ok: true, pinChangeRequired: patron.pin_change_required === 1 };
  }

  async changePin(cardNumber: string, newPin: string): Promise<void> {
    this.sql.setPin.run(await hashSecret(newPin), cardNumber);
  }

  async patronStatus(cardNumber: string, ctx: CirculationContext): Promise<PatronStatusResult | null> {
    const patron = this.patron(cardNumber);
    if (!patron) return null;
    const rules = this.rules();
    const loans = this.openLoans(patron.id);
    return {
      displayName: patron.display_name,
      blocks: this.blocksOf(patron, loans, ctx.now, rules),
      loanCount: loans.length,
      loanLimit: rules.maxLoans,
      holdsReady: (this.sql.holdsReady.get(patron.id) as { n: number }).n,
      finesMinor: patron.fines_minor,
      loans: loans.map((row) => toLoan(row, ctx.now, rules)),
    };
  }

  async itemInfo(barcode: string): Promise<Item | null> {
    const row = this.item(barcode);
    return row ? toItem(row) : null;
  }

  async checkout(cardNumber: string, scanned: string, ctx: CirculationContext): Promise<CheckoutOutcome> {
    // Immediate: these read then write, and a deferred transaction upgrading to a write would
    // fail at once on a held lock instead of waiting out busy_timeout.
    return this.db.transaction((): CheckoutOutcome => {
      const barcode = this.barcodeOfScan(scanned);
      const standing = this.standing(cardNumber, barcode, ctx.now);
      const { itemRow, item } = standing;
      if (!standing.patron) return { ok: false, code: 'card.unknown', item };
      const { patron, rules, loans, blocks } = standing;
      if (blocks.length > 0) return { ok: false, code: 'patron.blocked', item, blocks };
      if (!itemRow || !item) return { ok: false, code: 'item.unknown', item: null };
      if (itemRow.loan_type === 'reference') return { ok: false, code: 'item.notForLoan', item };

      const currentLoan = this.openLoanOfItem(barcode);
      if (currentLoan) {
        const code = currentLoan.patron_id === patron.id ? 'item.alreadyOnLoanToYou' : 'item.onLoanToOther';
        return { ok: false, code, item };
      }
      const firstHold = this.sql.firstWaitingHold.get(barcode) as HoldRow | undefined;
      if (firstHold && firstHold.patron_id !== patron.id) return { ok: false, code: 'item.reservedForOther', item };

      const decision = canBorrow(blocks, loans.length, rules);
      if (!decision.ok) return { ok: false, code: decision.code, item };

      const dueAt = dueDateForCheckout(ctx.now, rules);
      this.sql.insertLoan.run(barcode, patron.id, ctx.now.toISOString(), dueAt.toISOString());
      if (firstHold) this.sql.fulfilHold.run(firstHold.id);
      return { ok: true, item, dueAt };
    }).immediate();
  }

  async checkin(barcode: string, ctx: CirculationContext): Promise<CheckinOutcome> {
    return this.db.transaction((): CheckinOutcome => {
      const itemRow = this.item(barcode);
      if (!itemRow) return { ok: false, code: 'item.unknown', item: null };
      const item = toItem(itemRow);
      const loan = this.openLoanOfItem(barcode);
      if (!loan) return { ok: false, code: 'item.notOnLoan', item };

      this.sql.closeLoan.run(ctx.now.toISOString(), loan.id);
      const held = this.sql.firstWaitingHold.get(barcode) !== undefined;
      const borrower = this.sql.cardOfPatron.get(loan.patron_id) as { card_number: string };
      return {
        ok: true,
        item,
        disposition: held ? 'hold' : 'shelf',
        wasOverdue: new Date(loan.due_at) < ctx.now,
        patronCard: borrower.card_number,
      };
    }).immediate();
  }

  async renew(cardNumber: string, barcode: string, ctx: CirculationContext): Promise<RenewOutcome> {
    return this.db.transaction((): RenewOutcome => {
      const standing = this.standing(cardNumber, barcode, ctx.now);
      const { item } = standing;
      if (!standing.patron) return { ok: false, code: 'card.unknown', item };
      const { patron, rules, loans, blocks } = standing;
      if (blocks.length > 0) return { ok: false, code: 'patron.blocked', item };

      const loan = loans.find((row) => row.item_barcode === barcode);
      if (!loan) return { ok: false, code: 'renew.notOnLoanToYou', item };
      const renewedItem = toItem(loan);
      if (loan.renewals >= rules.maxRenewals) return { ok: false, code: 'renew.limitReached', item: renewedItem };
      const hold = this.sql.firstWaitingHold.get(barcode) as HoldRow | undefined;
      if (hold && hold.patron_id !== patron.id) return { ok: false, code: 'renew.onHold', item: renewedItem };

      const dueAt = dueDateForRenewal(new Date(loan.due_at), ctx.now, rules);
      this.sql.renewLoan.run(dueAt.toISOString(), loan.id);
      return { ok: true, item: renewedItem, dueAt };
    }).immediate();
  }

  async offlineCheckout(cardNumber: string, barcode: string, loan: { occurredAt: Date; dueAt: Date }): Promise<OfflineCheckoutOutcome> {
    return this.db.transaction((): OfflineCheckoutOutcome => {
      const standing = this.standing(cardNumber, barcode, loan.occurredAt);
      const { itemRow, item } = standing;
      if (!standing.patron) return { ok: false, code: 'card.unknown', item };
      if (!itemRow || !item) return { ok: false, code: 'item.unknown', item: null };
      const { patron, rules, loans, blocks } = standing;
      const currentLoan = this.openLoanOfItem(barcode);
      if (currentLoan?.patron_id === patron.id) return { ok: true, item, conflict: null };
      const firstHold = this.sql.firstWaitingHold.get(barcode) as HoldRow | undefined;
      const conflict: RefusalCode | null = currentLoan
        ? 'item.onLoanToOther'
        : blocks.length > 0
          ? 'patron.blocked'
          : itemRow.loan_type === 'reference'
            ? 'item.notForLoan'
            : firstHold && firstHold.patron_id !== patron.id
              ? 'item.reservedForOther'
              : canBorrow(blocks, loans.length, rules).ok
                ? null
                : 'patron.limitReached';
      // "No block": the item left the building with this patron, so the other loan ends when this one began.
      if (currentLoan) this.sql.closeLoan.run(loan.occurredAt.toISOString(), currentLoan.id);
      this.sql.insertLoan.run(barcode, patron.id, loan.occurredAt.toISOString(), loan.dueAt.toISOString());
      if (firstHold?.patron_id === patron.id) this.sql.fulfilHold.run(firstHold.id);
      return { ok: true, item, conflict };
    }).immediate();
  }

  /** Who asks for which item, with the patron's loans and blocks under the current rules: what checkout and renewal both start from. */
  private standing(cardNumber: string, barcode: string, now: Date) {
    const itemRow = this.item(barcode);
    const item = itemRow ? toItem(itemRow) : null;
    const patron = this.patron(cardNumber);
    if (!patron) return { patron: null, itemRow, item };
    const rules = this.rules();
    const loans = this.openLoans(patron.id);
    return { patron, itemRow, item, rules, loans, blocks: this.blocksOf(patron, loans, now, rules) };
  }

  async loanedBarcodes(cardNumber: string): Promise<string[]> {
    const patron = this.patron(cardNumber);
    return patron ? this.openLoans(patron.id).map((loan) => loan.item_barcode) : [];
  }

  async endSession(): Promise<void> {
    // The embedded ILS keeps no per-session state.
  }

  private rules(): CirculationRules {
    return loadCirculationRules(this.db);
  }

  private patron(cardNumber: string): PatronRow | undefined {
    return this.sql.patronByCard.get(cardNumber) as PatronRow | undefined;
  }

  /** A scanned ISBN that is no item's barcode stands for a copy of that book: one free to lend if there is one. */
  private barcodeOfScan(scanned: string): string {
    if (this.item(scanned) || !isValidIsbn13(scanned)) return scanned;
    return (this.sql.copyByIsbn.get(scanned) as string | undefined) ?? scanned;
  }

  private item(barcode: string): ItemRow | undefined {
    return this.sql.itemByBarcode.get(barcode) as ItemRow | undefined;
  }

  private openLoanOfItem(barcode: string): LoanRow | undefined {
    return this.sql.openLoanOfItem.get(barcode) as LoanRow | undefined;
  }

  private openLoans(patronId: number): LoanWithItemRow[] {
    return this.sql.openLoansOfPatron.all(patronId) as LoanWithItemRow[];
  }

  private blocksOf(patron: PatronRow, loans: LoanRow[], now: Date, rules: CirculationRules) {
    return patronBlocks(
      {
        expiresOn: patron.expires_on,
        finesMinor: patron.fines_minor,
        manualBlock: patron.manual_block === 1,
        openLoanDueDates: loans.map((loan) => new Date(loan.due_at)),
      },
      now,
      rules,
    );
  }
}

function toLoan(row: LoanWithItemRow, now: Date, rules: CirculationRules): Loan {
  return {
    item: toItem(row),
    checkedOutAt: row.checked_out_at,
    dueAt: row.due_at,
    overdue: new Date(row.due_at) < now,
    renewals: row.renewals,
    renewalsLeft: renewalsLeft(row.renewals, rules),
  };
}

function prepareStatements(db: Database) {
  return {
    patronByCard: db.prepare('SELECT * FROM patrons WHERE card_number = ?'),
    cardOfPatron: db.prepare('SELECT card_number FROM patrons WHERE id = ?'),
    setPin: db.prepare('UPDATE patrons SET pin_hash = ?, pin_change_required = 0 WHERE card_number = ?'),
    itemByBarcode: db.prepare('SELECT * FROM items WHERE barcode = ?'),
    copyByIsbn: db
      .prepare(
        `SELECT barcode FROM items i WHERE isbn = ?
         ORDER BY loan_type = 'reference',
           EXISTS (SELECT 1 FROM loans WHERE item_barcode = i.barcode AND returned_at IS NULL),
           EXISTS (SELECT 1 FROM holds WHERE item_barcode = i.barcode AND status = 'waiting'),
           barcode
         LIMIT 1`,
      )
      .pluck(),
    openLoanOfItem: db.prepare('SELECT * FROM loans WHERE item_barcode = ? AND returned_at IS NULL'),
    openLoansOfPatron: db.prepare(
      `SELECT loans.*, items.* FROM loans JOIN items ON items.barcode = loans.item_barcode
       WHERE loans.patron_id = ? AND loans.returned_at IS NULL ORDER BY loans.due_at, loans.id`,
    ),
    insertLoan: db.prepare('INSERT INTO loans (item_barcode, patron_id, checked_out_at, due_at) VALUES (?, ?, ?, ?)'),
    closeLoan: db.prepare('UPDATE loans SET returned_at = ? WHERE id = ?'),
    renewLoan: db.prepare('UPDATE loans SET due_at = ?, renewals = renewals + 1 WHERE id = ?'),
    // The hold queue is first come, first served.
    firstWaitingHold: db.prepare(
      `SELECT id, patron_id FROM holds WHERE item_barcode = ? AND status = 'waiting' ORDER BY placed_at, id LIMIT 1`,
    ),
    fulfilHold: db.prepare(`UPDATE holds SET status = 'fulfilled' WHERE id = ?`),
    holdsReady: db.prepare(
      `SELECT count(*) AS n FROM holds
       WHERE patron_id = ? AND status = 'waiting'
         AND NOT EXISTS (SELECT 1 FROM loans WHERE loans.item_barcode = holds.item_barcode AND loans.returned_at IS NULL)`,
    ),
  };
}
