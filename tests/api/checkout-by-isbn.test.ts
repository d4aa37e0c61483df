import { afterEach, expect, it } from 'vitest';
import { CheckoutResult } from '../../shared/api/schemas';
import { DEMO_ITEMS, DEMO_PATRONS } from '../../server/demo/demo-library';
import { createTestHub, type TestHub } from './support/test-hub';

const { active, withHold } = DEMO_PATRONS;
/** The ISBN of demo item 39010043, as on the photo ean13-1_25.png. */
const ISBN = '9780140013993';
let hub: TestHub;
afterEach(() => hub.close());

async function checkoutAs(patron: { cardNumber: string; pin: string }, itemBarcode: string) {
  const response = await hub.checkout(await hub.signIn(patron.cardNumber, patron.pin), itemBarcode);
  expect(response.statusCode).toBe(200);
  return CheckoutResult.parse(response.json());
}

function addCopy(barcode: string, isbn = ISBN) {
  hub.db
    .prepare(`INSERT INTO items (barcode, title, author, isbn) VALUES (?, 'Second copy', 'Author', ?)`)
    .run(barcode, isbn);
}

it('lends a copy of the book whose ISBN was scanned', async () => {
  hub = await createTestHub();
  expect(await checkoutAs(active, ISBN)).toMatchObject({ ok: true, item: { barcode: DEMO_ITEMS.firstCameraDemo, isbn: ISBN } });
});

it('picks a copy that is free to lend, and refuses with the state of a copy when none is', async () => {
  hub = await createTestHub();
  addCopy('39010049');
  expect(await checkoutAs(active, ISBN)).toMatchObject({ ok: true, item: { barcode: DEMO_ITEMS.firstCameraDemo } });
  expect(await checkoutAs(withHold, ISBN)).toMatchObject({ ok: true, item: { barcode: '39010049' } });
  expect(await checkoutAs(withHold, ISBN)).toMatchObject({ ok: false, code: 'item.onLoanToOther' });
});

it('still prefers an item whose barcode is the scanned number, and refuses an ISBN no copy has', async () => {
  hub = await createTestHub();
  addCopy(ISBN, '9780393058673');
  expect(await checkoutAs(active, ISBN)).toMatchObject({ ok: true, item: { barcode: ISBN } });
  expect(await checkoutAs(active, '9787508617725')).toEqual({ ok: false, code: 'item.unknown', item: null });
});

it('validates the request as for any barcode', async () => {
  hub = await createTestHub();
  const token = await hub.signIn(active.cardNumber, active.pin);
  expect((await hub.checkout(token, '978-0-14-001399-3 ')).statusCode).toBe(200);
  expect((await hub.checkout(token, '978 0140013993')).statusCode).toBe(400);
});
