/**
 * What a receipt on the phone lists: the items this patron session borrowed or renewed, from the
 * hub's own transaction log (never the kiosk's word), each still on loan to the patron, with the
 * ILS's current title and due date. The session began at its card's last successful sign-in at
 * that kiosk: the sign-in is logged just before the session's token is issued.
 */
import type { Database } from 'better-sqlite3';
import type { ReceiptItem } from '../../shared/receipts/schemas';
import type { CirculationContext, IlsPort } from '../ils/ils-port';
import type { PatronSession } from '../patron-sessions/patron-sessions';

export async function sessionReceiptItems(db: Database, ils: IlsPort, session: PatronSession, ctx: CirculationContext): Promise<ReceiptItem[]> {
  const barcodes = new Set(
    db
      .prepare(
        `SELECT item_barcode FROM transactions
         WHERE kiosk_id = @kiosk AND patron_card = @card AND result = 'ok' AND type IN ('checkout', 'renew')
           AND id > (SELECT coalesce(max(id), 0) FROM transactions
                     WHERE kiosk_id = @kiosk AND patron_card = @card AND type = 'signin' AND result = 'ok')`,
      )
      .pluck()
      .all({ kiosk: session.kioskId, card: session.cardNumber }) as string[],
  );
  if (barcodes.size === 0) return [];
  const status = await ils.patronStatus(session.cardNumber, ctx);
  return (status?.loans ?? [])
    .filter((loan) => barcodes.has(loan.item.barcode))
    .map((loan) => ({ title: loan.item.title, barcode: loan.item.barcode, dueAt: new Date(loan.dueAt).toISOString() }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.title.localeCompare(b.title));
}
