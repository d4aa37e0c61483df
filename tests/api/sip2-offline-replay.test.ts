import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { OfflineIssueList } from '../../shared/api/offline-staff-schemas';
import { OfflineBatchAnswer, type OfflineTransaction } from '../../shared/api/schemas';
import { formatSipDate } from '../../shared/sip2';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { createSip2Hub } from '../sip2/sip2-hub';
import { LIBRARIAN_PASSWORD, staffHarness } from './support/staff-harness';
import { daysAfter, START } from './support/test-hub';

type Hub = Awaited<ReturnType<typeof createSip2Hub>>;
let hub: Hub;
afterEach(async () => hub?.close());

const HOUR = 60 * 60_000;
/** Three hours before the hub hears of it: made while the hub was down. */
const MADE_AT = new Date(START.getTime() - 3 * HOUR).toISOString();
const DUE_AT = daysAfter(new Date(MADE_AT), 30);
const sipDate = (iso: string) => formatSipDate(new Date(iso), 'Asia/Shanghai');

function checkout(itemBarcode: string, cardNumber: string = DEMO_PATRONS.active.cardNumber): OfflineTransaction {
  return { type: 'checkout', requestId: randomUUID(), itemBarcode, cardNumber, occurredAt: MADE_AT, dueAt: DUE_AT };
}
function checkin(itemBarcode: string): OfflineTransaction {
  return { type: 'checkin', requestId: randomUUID(), itemBarcode, occurredAt: MADE_AT };
}
/** One transaction, as a batch of one: its result. */
async function replay(transaction: OfflineTransaction) {
  const response = await hub.call('POST', API.kioskOfflineTransactions, { body: { transactions: [transaction] } });
  return OfflineBatchAnswer.parse(response.json()).results[0];
}

/** The loan as the ILS (the simulator's library) holds it. */
function ilsLoans(itemBarcode: string) {
  return hub.simulatorDb
    .prepare(
      `SELECT p.card_number AS card, l.checked_out_at AS checkedOutAt, l.due_at AS dueAt, l.returned_at AS returnedAt
         FROM loans l JOIN patrons p ON p.id = l.patron_id WHERE l.item_barcode = ? ORDER BY l.id`,
    )
    .all(itemBarcode);
}

describe('offline transactions replayed over SIP2', () => {
  it('send a checkout with "no block" and its own time and due date, which the ILS keeps', async () => {
    hub = await createSip2Hub();
    const response = await replay(checkout(DEMO_ITEMS.firstOnShelf));
    expect(response).toMatchObject({ outcome: 'applied', code: null });
    expect(hub.simulator.circulation).toEqual([
      { code: '11', patronId: DEMO_PATRONS.active.cardNumber, itemId: DEMO_ITEMS.firstOnShelf, fixed: expect.objectContaining({ noBlock: 'Y', transactionDate: sipDate(MADE_AT), nbDueDate: sipDate(DUE_AT) }) },
    ]);
    expect(ilsLoans(DEMO_ITEMS.firstOnShelf)).toEqual([{ card: DEMO_PATRONS.active.cardNumber, checkedOutAt: MADE_AT, dueAt: DUE_AT, returnedAt: null }]);
  });

  it('send a return with "no block", dated when it happened', async () => {
    hub = await createSip2Hub();
    expect(await replay(checkin(DEMO_ITEMS.dueSoon))).toMatchObject({ outcome: 'applied', code: null });
    expect(hub.simulator.circulation).toEqual([
      { code: '09', itemId: DEMO_ITEMS.dueSoon, fixed: expect.objectContaining({ noBlock: 'Y', transactionDate: sipDate(MADE_AT), returnDate: sipDate(MADE_AT) }) },
    ]);
    expect(ilsLoans(DEMO_ITEMS.dueSoon)).toEqual([expect.objectContaining({ returnedAt: MADE_AT })]);
  });

  it('lend what the ILS must now accept and list the conflict for staff, as the embedded ILS does', async () => {
    hub = await createSip2Hub();
    const other = DEMO_PATRONS.withHold.cardNumber;
    expect(await replay(checkout(DEMO_ITEMS.dueSoon, other))).toMatchObject({ outcome: 'conflict', code: 'item.onLoanToOther' });
    expect(ilsLoans(DEMO_ITEMS.dueSoon).at(-1)).toMatchObject({ card: other, checkedOutAt: MADE_AT, returnedAt: null });
    expect(await replay(checkout('39010011', DEMO_PATRONS.blocked.cardNumber))).toMatchObject({ outcome: 'conflict', code: 'patron.blocked' });
    expect(ilsLoans('39010011')).toHaveLength(1);
  });

  it('refuse an unknown card or item without sending the checkout', async () => {
    hub = await createSip2Hub();
    expect(await replay(checkout('39010012', '20149999'))).toMatchObject({ outcome: 'refused', code: 'card.unknown' });
    expect(await replay(checkout('39019999'))).toMatchObject({ outcome: 'refused', code: 'item.unknown' });
    expect(hub.simulator.circulation).toEqual([]);
  });

  it('are refused, sending nothing, when the ILS’s 98 says it takes no offline transactions, and staff see why', async () => {
    hub = await createSip2Hub({ simulator: { offlineOk: false } });
    const refused = { outcome: 'refused', code: 'ils.offlineNotAllowed' };
    expect(await replay(checkout(DEMO_ITEMS.firstOnShelf))).toMatchObject(refused);
    expect(await replay(checkin(DEMO_ITEMS.dueSoon))).toMatchObject(refused);
    expect(hub.simulator.circulation).toEqual([]);
    expect(ilsLoans(DEMO_ITEMS.firstOnShelf)).toEqual([]);

    const staff = staffHarness(hub);
    await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
    const { token } = await staff.signIn('zhao', LIBRARIAN_PASSWORD);
    const { issues } = OfflineIssueList.parse((await staff.asStaff(token, 'GET', API.staffOfflineTransactions)).json());
    expect(issues.map(({ itemBarcode, outcome, code }) => ({ itemBarcode, outcome, code }))).toEqual(
      expect.arrayContaining([
        { itemBarcode: DEMO_ITEMS.firstOnShelf, ...refused },
        { itemBarcode: DEMO_ITEMS.dueSoon, ...refused },
      ]),
    );
    expect(issues).toHaveLength(2);
  });

  it('leave online checkouts and returns without "no block"', async () => {
    hub = await createSip2Hub();
    const token = await hub.signIn(DEMO_PATRONS.active.cardNumber, DEMO_PATRONS.active.pin);
    await hub.checkout(token, DEMO_ITEMS.firstOnShelf);
    await hub.checkin(DEMO_ITEMS.firstOnShelf);
    expect(hub.simulator.circulation.map((request) => [request.code, request.fixed.noBlock])).toEqual([['11', 'N'], ['09', 'N']]);
  });
});
