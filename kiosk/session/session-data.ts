/** Pure helpers over the session's data, so the machine reads as transitions only. */
import type { CheckinResult, CheckoutResult, IlsWords, RenewOutcome } from '../../shared/api/schemas';
import type { BlockReason } from '../../shared/circulation/codes';
import { blockNotice, refusalNotice, type Notice } from './notices';
import type { GoodbyeSummary, LoanRow, PatronSession, Receipt, Refusal, ScanRow, SessionContext } from './session-types';

export function emptyPatronSession(): PatronSession {
  return {
    entry: '',
    cardNumber: '',
    offlineCard: false,
    newPin: '',
    patronToken: null,
    patron: null,
    borrowed: [],
    returned: [],
    loans: [],
    queue: [],
    notice: null,
    printFailed: false,
    sessionExpired: false,
    phoneReceipt: null,
  };
}

export function refusal(reason: Notice, blocks: readonly BlockReason[] = [], words: IlsWords = {}): Refusal {
  return { reason, blocks: blocks.map(blockNotice), screenMessage: words.screenMessage ?? null, printLines: words.printLines ?? [] };
}

/** Only the ILS's words of an answer (the embedded ILS sends none). */
function wordsOf({ screenMessage, printLines }: IlsWords): IlsWords {
  return { ...(screenMessage ? { screenMessage } : {}), ...(printLines?.length ? { printLines } : {}) };
}

export function pendingRow(id: string, barcode: string): ScanRow {
  return { id, barcode, status: 'pending', item: null, dueAt: null, disposition: null, sortBin: null, wasOverdue: false, ilsWords: {}, refusal: null, offline: false };
}

export function refusedRow(id: string, barcode: string, why: Refusal): ScanRow {
  return { ...pendingRow(id, barcode), status: 'refused', refusal: why };
}

export function updateRow(rows: ScanRow[], id: string | undefined, patch: Partial<ScanRow>): ScanRow[] {
  return rows.map((row) => (row.id === id ? { ...row, ...patch } : row));
}

/** `now` (here and below): the session's clock, for refusals that say how long something lasts. */
export function checkoutPatch(result: CheckoutResult, now: number): Partial<ScanRow> {
  return result.ok
    ? { status: 'ok', item: result.item, dueAt: result.dueAt, ilsWords: wordsOf(result) }
    : { status: 'refused', item: result.item, refusal: refusal(refusalNotice(result.code, {}, now), result.blocks, result) };
}

export function checkinPatch(result: CheckinResult, now: number): Partial<ScanRow> {
  return result.ok
    ? {
        status: 'ok',
        item: result.item,
        disposition: result.disposition,
        sortBin: result.sortBin ?? null,
        wasOverdue: result.wasOverdue,
        ilsWords: wordsOf(result),
      }
    : { status: 'refused', item: result.item, refusal: refusal(refusalNotice(result.code, {}, now), [], result) };
}

/** Queued in the outbox while the hub is down: done for the patron; an offline loan shows its offline due date. */
export function queuedPatch(dueAt: string | null): Partial<ScanRow> {
  return { status: 'ok', offline: true, dueAt, disposition: dueAt === null ? 'shelf' : null };
}

/** True when the item already went through (or is going through) in this session. */
export function alreadyScanned(rows: ScanRow[], barcode: string): boolean {
  return rows.some((row) => row.barcode === barcode && row.status !== 'refused');
}

export function renewalRow(row: LoanRow, results: RenewOutcome[], now: number): LoanRow {
  const barcode = row.loan.item.barcode;
  const outcome = results.find((result) => (result.ok ? result.item.barcode : result.itemBarcode) === barcode);
  if (outcome === undefined) return { ...row, status: 'refused', refusal: refusal({ key: 'code.internal' }) };
  if (!outcome.ok) {
    return { ...row, status: 'refused', refusal: refusal(refusalNotice(outcome.code, {}, now), [], outcome) };
  }
  const loan = {
    ...row.loan,
    dueAt: outcome.dueAt,
    overdue: false,
    renewals: row.loan.renewals + 1,
    renewalsLeft: Math.max(0, row.loan.renewalsLeft - 1),
  };
  return { loan, status: 'ok', renewed: true, ilsWords: wordsOf(outcome), refusal: null };
}

export function receiptOf(context: SessionContext): Receipt {
  const title = (row: ScanRow) => row.item?.title ?? row.barcode;
  return {
    libraryName: context.config.libraryName[context.language],
    language: context.language,
    borrowed: context.borrowed
      .filter((row) => row.status === 'ok')
      .map((row) => ({ title: title(row), dueAt: row.dueAt ?? '' })),
    returned: context.returned.filter((row) => row.status === 'ok').map((row) => ({ title: title(row) })),
    renewed: context.loans
      .filter((row) => row.renewed)
      .map((row) => ({ title: row.loan.item.title, dueAt: row.loan.dueAt })),
    recordedOffline: [...context.borrowed, ...context.returned].some((row) => row.status === 'ok' && row.offline),
  };
}

/** Whether the session borrowed or renewed anything: what a receipt on the phone is for. */
export function hasDueDates(receipt: Receipt): boolean {
  return receipt.borrowed.length + receipt.renewed.length > 0;
}

export function isEmptyReceipt(receipt: Receipt): boolean {
  return receipt.borrowed.length + receipt.returned.length + receipt.renewed.length === 0;
}

export function summaryOf(context: SessionContext): GoodbyeSummary {
  const receipt = receiptOf(context);
  return {
    borrowed: receipt.borrowed.length,
    returned: receipt.returned.length,
    renewed: receipt.renewed.length,
    printFailed: context.printFailed,
    sessionExpired: context.sessionExpired,
  };
}
