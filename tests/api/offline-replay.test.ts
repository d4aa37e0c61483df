import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../shared/api/routes';
import { OfflineIssueList } from '../../shared/api/offline-staff-schemas';
import { KioskConfig, OFFLINE_BATCH_MAX, OfflineBatchAnswer, type OfflineReplayResult, type OfflineTransaction } from '../../shared/api/schemas';
import { offlineCardHash } from '../../shared/offline/card-hash';
import { StatisticsAnswer } from '../../shared/statistics/schemas';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { LIBRARIAN_PASSWORD, staffHarness } from './support/staff-harness';
import { createTestHub, daysAfter, START, type TestHub } from './support/test-hub';

let hub: TestHub;
afterEach(() => hub.close());

const HOUR = 60 * 60_000;
/** Three hours before the hub hears of it: made while the hub was down. */
const MADE_AT = new Date(START.getTime() - 3 * HOUR).toISOString();

function checkout(itemBarcode: string, cardNumber: string = DEMO_PATRONS.active.cardNumber, requestId = randomUUID()): Extract<OfflineTransaction, { type: 'checkout' }> {
  return { type: 'checkout', requestId, itemBarcode, cardNumber, occurredAt: MADE_AT, dueAt: daysAfter(new Date(MADE_AT), 30) };
}
function checkin(itemBarcode: string, requestId = randomUUID()): OfflineTransaction {
  return { type: 'checkin', requestId, itemBarcode, occurredAt: MADE_AT };
}
const sendBatch = (transactions: unknown[]) => hub.call('POST', API.kioskOfflineTransactions, { body: { transactions } });
/** One transaction, as a batch of one: its result. */
async function replay(transaction: OfflineTransaction): Promise<OfflineReplayResult> {
  const response = await sendBatch([transaction]);
  expect(response.statusCode).toBe(200);
  const [result] = OfflineBatchAnswer.parse(response.json()).results;
  return result!;
}

function openLoans(itemBarcode: string) {
  return hub.db
    .prepare(
      `SELECT p.card_number AS card, l.checked_out_at AS checkedOutAt, l.due_at AS dueAt FROM loans l JOIN patrons p ON p.id = l.patron_id
        WHERE l.item_barcode = ? AND l.returned_at IS NULL`,
    )
    .all(itemBarcode);
}
const rowsOf = (requestId: string) => hub.db.prepare('SELECT count(*) FROM transactions WHERE request_id = ?').pluck().get(requestId);

describe('the same client transaction id', () => {
  it('sent twice at the same moment lends once', async () => {
    hub = await createTestHub();
    const transaction = checkout('39010007');
    const [a, b] = await Promise.all([replay(transaction), replay(transaction)]);
    expect(a).toEqual({ requestId: transaction.requestId, outcome: 'applied', code: null });
    expect(b).toEqual(a);
    expect(openLoans('39010007')).toHaveLength(1);
    expect(rowsOf(transaction.requestId)).toBe(1);
  });

  it('returned twice at the same moment, then again after a reload, is applied once', async () => {
    hub = await createTestHub();
    const transaction = checkin(DEMO_ITEMS.dueSoon);
    const [a, b] = await Promise.all([replay(transaction), replay(transaction)]);
    const again = await replay(transaction);
    expect([a, b, again]).toEqual(Array(3).fill({ requestId: transaction.requestId, outcome: 'applied', code: null }));
    expect(rowsOf(transaction.requestId)).toBe(1);
    expect(hub.db.prepare('SELECT returned_at FROM loans WHERE item_barcode = ?').pluck().get(DEMO_ITEMS.dueSoon)).toBe(MADE_AT);
  });

  it('sent online and replayed from the outbox at once (the kiosk gave up waiting) is applied once', async () => {
    hub = await createTestHub();
    const requestId = randomUUID();
    const [online, replayed] = await Promise.all([hub.checkin(DEMO_ITEMS.dueSoon, requestId), replay(checkin(DEMO_ITEMS.dueSoon, requestId))]);
    // Whichever reaches the hub first is applied; the other waits for its answer.
    expect(online.statusCode).toBe(200);
    expect(replayed).toEqual({ requestId, outcome: 'applied', code: null });
    expect(rowsOf(requestId)).toBe(1);
  });

  it('reused for another item is refused', async () => {
    hub = await createTestHub();
    const first = checkout('39010008');
    await replay(first);
    const reused = await replay({ ...checkout('39010009'), requestId: first.requestId });
    expect(reused).toEqual({ requestId: first.requestId, outcome: 'refused', code: 'request.invalid' });
    expect(openLoans('39010009')).toEqual([]);
  });
});

describe('offline checkouts under the "no block" rule', () => {
  it('keep their offline time and due date', async () => {
    hub = await createTestHub();
    const transaction = checkout('39010010');
    await replay(transaction);
    expect(openLoans('39010010')).toEqual([
      { card: DEMO_PATRONS.active.cardNumber, checkedOutAt: MADE_AT, dueAt: transaction.dueAt },
    ]);
  });

  it('take an item on loan to someone else from them and list the conflict for staff', async () => {
    hub = await createTestHub();
    const other = DEMO_PATRONS.withHold.cardNumber;
    const response = await replay(checkout(DEMO_ITEMS.dueSoon, other));
    expect(response).toMatchObject({ outcome: 'conflict', code: 'item.onLoanToOther' });
    expect(openLoans(DEMO_ITEMS.dueSoon)).toEqual([expect.objectContaining({ card: other, checkedOutAt: MADE_AT })]);
    const closed = hub.db.prepare('SELECT returned_at FROM loans WHERE item_barcode = ? AND returned_at IS NOT NULL').pluck().all(DEMO_ITEMS.dueSoon);
    expect(closed).toEqual([MADE_AT]);
  });

  it('lend to a blocked patron (offline, the kiosk could not know) and say so to staff', async () => {
    hub = await createTestHub();
    const response = await replay(checkout('39010011', DEMO_PATRONS.blocked.cardNumber));
    expect(response).toMatchObject({ outcome: 'conflict', code: 'patron.blocked' });
    expect(openLoans('39010011')).toHaveLength(1);
  });

  it('are refused for an unknown card or item, and nothing is lent', async () => {
    hub = await createTestHub();
    expect(await replay(checkout('39010012', '20149999'))).toMatchObject({ outcome: 'refused', code: 'card.unknown' });
    expect(await replay(checkout('39019999'))).toMatchObject({ outcome: 'refused', code: 'item.unknown' });
    expect(openLoans('39010012')).toEqual([]);
  });

  it('with a due date beyond the loan period or a time in the future are refused as bad requests', async () => {
    hub = await createTestHub();
    const long = { ...checkout('39010013'), dueAt: daysAfter(new Date(MADE_AT), 60) };
    const future = { ...checkout('39010013'), occurredAt: new Date(START.getTime() + HOUR).toISOString() };
    expect(await replay(long)).toMatchObject({ outcome: 'refused', code: 'request.invalid' });
    expect(await replay(future)).toMatchObject({ outcome: 'refused', code: 'request.invalid' });
    expect(openLoans('39010013')).toEqual([]);
  });
});

it('an offline return of an item not on loan is fine', async () => {
  hub = await createTestHub();
  expect(await replay(checkin('39010014'))).toMatchObject({ outcome: 'applied', code: null });
});

it('needs the kiosk’s token', async () => {
  hub = await createTestHub();
  const response = await hub.call('POST', API.kioskOfflineTransactions, { body: { transactions: [checkin('39010014')] }, kioskToken: null });
  expect(response.statusCode).toBe(401);
});

describe('the Offline transactions list', () => {
  it('shows conflicts and refusals to librarians until one marks them handled', async () => {
    hub = await createTestHub();
    await replay(checkout('39010015'));
    await replay(checkout('39010016', '20149999'));
    await replay(checkout(DEMO_ITEMS.dueLater, DEMO_PATRONS.withHold.cardNumber));
    const staff = staffHarness(hub);
    await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
    const { token } = await staff.signIn('zhao', LIBRARIAN_PASSWORD);
    const list = async (query = '') => OfflineIssueList.parse((await staff.asStaff(token, 'GET', API.staffOfflineTransactions + query)).json()).issues;

    const open = await list();
    expect(open.map(({ itemBarcode, outcome, code, cardNumber, at, kioskId }) => ({ itemBarcode, outcome, code, cardNumber, at, kioskId }))).toEqual([
      { itemBarcode: DEMO_ITEMS.dueLater, outcome: 'conflict', code: 'item.onLoanToOther', cardNumber: DEMO_PATRONS.withHold.cardNumber, at: MADE_AT, kioskId: 'local' },
      { itemBarcode: '39010016', outcome: 'refused', code: 'card.unknown', cardNumber: '20149999', at: MADE_AT, kioskId: 'local' },
    ]);

    const handled = await staff.asStaff(token, 'POST', API.staffOfflineTransactionHandled.replace(':id', String(open[1]!.id)));
    expect(handled.statusCode).toBe(204);
    expect((await list()).map((issue) => issue.itemBarcode)).toEqual([DEMO_ITEMS.dueLater]);
    expect((await list('?include=all')).find((issue) => issue.id === open[1]!.id)).toMatchObject({ handledBy: 'zhao', handledAt: START.toISOString() });

    const unknown = await staff.asStaff(token, 'POST', API.staffOfflineTransactionHandled.replace(':id', '999999'));
    expect(unknown.statusCode).toBe(404);
    expect((await hub.call('GET', API.staffOfflineTransactions)).statusCode).toBe(401);
  });
});

it('offline transactions count in the statistics on the day they happened', async () => {
  hub = await createTestHub();
  // Made on 1 March (Shanghai) at 23:00, replayed on 2 March at 10:00.
  const lateOnFirst = new Date('2026-03-01T15:00:00.000Z').toISOString();
  await replay({ ...checkout('39010017'), occurredAt: lateOnFirst, dueAt: daysAfter(new Date(lateOnFirst), 30) });
  await replay({ ...checkin(DEMO_ITEMS.dueSoon), occurredAt: lateOnFirst });
  const staff = staffHarness(hub);
  await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
  const { token } = await staff.signIn('zhao', LIBRARIAN_PASSWORD);
  const response = await staff.asStaff(token, 'GET', `${API.staffStatistics}?from=2026-03-01&to=2026-03-02&granularity=day`);
  const answer = StatisticsAnswer.parse(response.json());
  const first = answer.rows.find((row) => row.period === '2026-03-01');
  expect(first).toMatchObject({ loans: 1, returns: 1, offline: 2 });
  expect(answer.rows.filter((row) => row.period === '2026-03-02').every((row) => row.offline === 0)).toBe(true);
});

it('the kiosk config carries the loan period and the blocked cards as salted hashes only', async () => {
  hub = await createTestHub();
  const config = KioskConfig.parse((await hub.call('GET', API.kioskConfig)).json());
  expect(config.offline).toMatchObject({ returnsQueued: true, borrowing: false, loanDays: 30 });
  const { cardHashSalt, blockedCards } = config.offline;
  expect(blockedCards).toContain(await offlineCardHash(cardHashSalt, DEMO_PATRONS.blocked.cardNumber));
  expect(blockedCards).not.toContain(await offlineCardHash(cardHashSalt, DEMO_PATRONS.active.cardNumber));
  const body = (await hub.call('GET', API.kioskConfig)).body;
  expect(body).not.toContain(DEMO_PATRONS.blocked.cardNumber);
  expect(body).not.toContain(DEMO_PATRONS.blocked.displayName);
});

describe('a batch of offline transactions', () => {
  const minutesAfter = (minutes: number) => new Date(new Date(MADE_AT).getTime() + minutes * 60_000).toISOString();
  const resultsOf = (response: Awaited<ReturnType<typeof sendBatch>>) => {
    expect(response.statusCode).toBe(200);
    return OfflineBatchAnswer.parse(response.json()).results;
  };

  it('is applied in order and answered in order', async () => {
    hub = await createTestHub();
    const other = DEMO_PATRONS.withHold.cardNumber;
    // Lent, returned, lent to another: only this order leaves the item with the other patron, with no conflict.
    const batch: OfflineTransaction[] = [
      { ...checkout('39010020'), occurredAt: minutesAfter(0) },
      { ...checkin('39010020'), occurredAt: minutesAfter(1) },
      { ...checkout('39010020', other), occurredAt: minutesAfter(2), dueAt: daysAfter(new Date(minutesAfter(2)), 30) },
    ];
    const results = resultsOf(await sendBatch(batch));
    expect(results).toEqual(batch.map(({ requestId }) => ({ requestId, outcome: 'applied', code: null })));
    expect(openLoans('39010020')).toEqual([{ card: other, checkedOutAt: minutesAfter(2), dueAt: batch[2]!.type === 'checkout' ? batch[2]!.dueAt : null }]);
  });

  it('applies an id that comes twice in it once, and refuses an id reused for another item', async () => {
    hub = await createTestHub();
    const lent = checkout('39010021');
    const results = resultsOf(await sendBatch([lent, lent, { ...checkout('39010022'), requestId: lent.requestId }]));
    expect(results).toEqual([
      { requestId: lent.requestId, outcome: 'applied', code: null },
      { requestId: lent.requestId, outcome: 'applied', code: null },
      { requestId: lent.requestId, outcome: 'refused', code: 'request.invalid' },
    ]);
    expect(rowsOf(lent.requestId)).toBe(1);
    expect(openLoans('39010021')).toHaveLength(1);
    expect(openLoans('39010022')).toEqual([]);
  });

  it('sent twice at the same moment (a reload mid-sync) is applied once, both answered alike', async () => {
    hub = await createTestHub();
    const batch = [checkout('39010023'), checkin(DEMO_ITEMS.dueSoon), checkout('39010024')];
    const [a, b] = await Promise.all([sendBatch(batch), sendBatch(batch)]);
    expect(resultsOf(b)).toEqual(resultsOf(a));
    expect(resultsOf(a).map((result) => result.outcome)).toEqual(['applied', 'applied', 'applied']);
    for (const { requestId } of batch) expect(rowsOf(requestId)).toBe(1);
    expect(openLoans('39010023')).toHaveLength(1);
    expect(openLoans('39010024')).toHaveLength(1);
  });

  it('goes on past one refused in the middle, by the ILS or as a bad request', async () => {
    hub = await createTestHub();
    const future = { ...checkout('39010026'), occurredAt: new Date(START.getTime() + HOUR).toISOString() };
    const batch = [checkout('39010025'), checkout('39019999'), future, checkout('39010027')];
    expect(resultsOf(await sendBatch(batch)).map(({ outcome, code }) => [outcome, code])).toEqual([
      ['applied', null],
      ['refused', 'item.unknown'],
      ['refused', 'request.invalid'],
      ['applied', null],
    ]);
    expect(openLoans('39010025')).toHaveLength(1);
    expect(openLoans('39010026')).toEqual([]);
    expect(openLoans('39010027')).toHaveLength(1);
  });

  it('is refused whole when it is not one: empty, too long, or with a malformed transaction (nothing applied)', async () => {
    hub = await createTestHub();
    const good = checkout('39010028');
    const { requestId: _, ...noId } = checkout('39010029');
    const tooLong = Array.from({ length: OFFLINE_BATCH_MAX + 1 }, (_, i) => checkin(String(39010001 + (i % 40))));
    for (const body of [{ transactions: [] }, { transactions: tooLong }, { transactions: [good, noId] }, { transactions: good }, [good]]) {
      const response = await hub.call('POST', API.kioskOfflineTransactions, { body });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'request.invalid' } });
    }
    expect(rowsOf(good.requestId)).toBe(0);
    expect(resultsOf(await sendBatch(Array.from({ length: OFFLINE_BATCH_MAX }, () => checkin('39010030'))))).toHaveLength(OFFLINE_BATCH_MAX);
  });
});
