/**
 * The demo library created on a hub's first start (unless DEMO=0), and by the API tests.
 * Dates are relative to `now`, so the demo always has a loan due soon and one long overdue.
 */
import type { Database } from 'better-sqlite3';
import { DEFAULT_CARD_RULE, DEFAULT_ITEM_RULE, type ScanRules } from '../../shared/barcodes';
import { isbn13CheckDigit } from '../../shared/barcodes/isbn';
import { addDays } from '../clock';
import { hashSecret } from '../security/password-hash';
import { saveScanRules } from '../settings/scan-rules';
import { CAMERA_DEMO_BOOKS, LOANED_BOOKS, REFERENCE_BOOK, RESERVED_BOOK, SHELF_BOOKS, type DemoBook } from './demo-catalogue';

export const DEMO_PATRONS = {
  /** Active, with two loans: one due in 2 days, one in 20 that another reader has reserved. */
  active: { cardNumber: '20140001', pin: '2580', displayName: '张伟', fullName: '张伟' },
  /** Must choose a new PIN at first sign-in. */
  mustChangePin: { cardNumber: '20140002', pin: '123456', displayName: '李娜', fullName: '李娜' },
  /** Blocked: an item 45 days overdue. May return, may not borrow. */
  blocked: { cardNumber: '20140003', pin: '1357', displayName: '王芳', fullName: '王芳' },
  /** Active, with a hold waiting on the shelf and one on an item out on loan. */
  withHold: { cardNumber: '20140004', pin: '8642', displayName: '陈静', fullName: '陈静' },
  /** Active; the card is the Codabar photo ../shared/testdata/barcodes/codabar/codabar-1_12.png. */
  codabarCard: { cardNumber: '31117013206375', pin: '3690', displayName: '刘洋', fullName: '刘洋' },
} as const;

export const DEMO_ITEMS = {
  firstOnShelf: '39010001',
  lastOnShelf: '39010040',
  reservedFor20140004: '39010041',
  referenceOnly: '39010042',
  dueSoon: '39010051',
  dueLater: '39010052',
  longOverdue: '39010053',
  /** 39010043–39010048 carry the ISBNs of the EAN-13 photos, for borrowing by ISBN. */
  firstCameraDemo: '39010043',
} as const;

/** Cards: 2014 and four more digits, or the 14-digit Codabar card (Luhn check digit). Items may be borrowed by ISBN. */
export const DEMO_SCAN_RULES: ScanRules = {
  card: [DEFAULT_CARD_RULE, { minLength: 14, maxLength: 14, prefixes: ['3111'], charset: 'digits', checkDigit: 'luhn' }],
  item: { ...DEFAULT_ITEM_RULE, acceptIsbn: true },
};

export async function createDemoLibrary(db: Database, now: Date): Promise<void> {
  const patrons = Object.values(DEMO_PATRONS);
  const pinHashes = await Promise.all(patrons.map((patron) => hashSecret(patron.pin)));
  const at = (days: number) => addDays(now, days).toISOString();

  db.transaction(() => {
    const insertPatron = db.prepare(
      `INSERT INTO patrons (card_number, display_name, full_name, pin_hash, pin_change_required, expires_on, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const cardExpiry = at(2 * 365).slice(0, 10);
    const patronIds = new Map<string, number | bigint>();
    patrons.forEach((patron, i) => {
      const mustChange = patron === DEMO_PATRONS.mustChangePin ? 1 : 0;
      const { lastInsertRowid } = insertPatron.run(
        patron.cardNumber, patron.displayName, patron.fullName, pinHashes[i], mustChange, cardExpiry, now.toISOString(),
      );
      patronIds.set(patron.cardNumber, lastInsertRowid);
    });
    const idOf = (patron: { cardNumber: string }) => patronIds.get(patron.cardNumber);

    const insertItem = db.prepare(
      `INSERT INTO items (barcode, title, author, isbn, call_number, cover_url, loan_type) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const addItem = (barcode: string, book: DemoBook, { cover = false, reference = false } = {}) =>
      insertItem.run(
        barcode, book.title, book.author, book.isbn12 + isbn13CheckDigit(book.isbn12), book.callNumber,
        cover ? `/covers/${barcode}.svg` : null, reference ? 'reference' : 'normal',
      );
    SHELF_BOOKS.forEach((book, i) => addItem(String(39010001 + i), book, { cover: i % 2 === 0 }));
    addItem(DEMO_ITEMS.reservedFor20140004, RESERVED_BOOK, { cover: true });
    addItem(DEMO_ITEMS.referenceOnly, REFERENCE_BOOK, { reference: true });
    CAMERA_DEMO_BOOKS.forEach((book, i) => addItem(String(Number(DEMO_ITEMS.firstCameraDemo) + i), book));
    addItem(DEMO_ITEMS.dueSoon, LOANED_BOOKS.dueSoon, { cover: true });
    addItem(DEMO_ITEMS.dueLater, LOANED_BOOKS.dueLater, { cover: true });
    addItem(DEMO_ITEMS.longOverdue, LOANED_BOOKS.longOverdue);

    const insertLoan = db.prepare(
      'INSERT INTO loans (item_barcode, patron_id, checked_out_at, due_at, renewals) VALUES (?, ?, ?, ?, ?)',
    );
    insertLoan.run(DEMO_ITEMS.dueSoon, idOf(DEMO_PATRONS.active), at(-28), at(2), 0);
    insertLoan.run(DEMO_ITEMS.dueLater, idOf(DEMO_PATRONS.active), at(-10), at(20), 0);
    insertLoan.run(DEMO_ITEMS.longOverdue, idOf(DEMO_PATRONS.blocked), at(-75), at(-45), 0);

    // The second hold shows a renewal refused for a waiting reader, and a return put aside for them.
    const insertHold = db.prepare('INSERT INTO holds (item_barcode, patron_id, placed_at) VALUES (?, ?, ?)');
    insertHold.run(DEMO_ITEMS.reservedFor20140004, idOf(DEMO_PATRONS.withHold), at(-3));
    insertHold.run(DEMO_ITEMS.dueLater, idOf(DEMO_PATRONS.withHold), at(-1));

    saveScanRules(db, DEMO_SCAN_RULES);
  })();
}
