import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, addMinutes } from '../../../server/clock';
import { migrate } from '../../../server/db/database';
import { ReceiptTickets } from '../../../server/receipts/receipt-tickets';
import { sha256Hex } from '../../../server/security/tokens';

const START = new Date('2026-03-02T02:00:00.000Z');
const ITEMS = [{ title: '活着', barcode: '39010001', dueAt: '2026-03-30T15:59:00.000Z' }];

let db: Database.Database;
let now: Date;
let tickets: ReceiptTickets;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  now = START;
  tickets = new ReceiptTickets(db, () => now);
});

describe('receipt tickets', () => {
  it('are 256-bit tokens kept only as their SHA-256, for 14 days', () => {
    const { token, expiresAt } = tickets.issue('kiosk-1', 'en', ITEMS);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(expiresAt).toEqual(addDays(START, 14));
    expect(db.prepare('SELECT token_hash FROM receipt_tickets').pluck().all()).toEqual([sha256Hex(token)]);
    expect(tickets.issue('kiosk-1', 'en', ITEMS).token).not.toBe(token);
  });

  it('belong to the first device that opens them', () => {
    const { token } = tickets.issue('kiosk-1', 'zh-CN', ITEMS);
    const first = tickets.open(token, null);
    if (!first.ok || !first.cookie) throw new Error('the first device did not get the receipt');
    expect(first.receipt.items).toEqual(ITEMS);
    expect(first.receipt.language).toBe('zh-CN');
    expect(db.prepare('SELECT device_hash FROM receipt_tickets').pluck().get()).toBe(sha256Hex(first.cookie));
    expect(tickets.open(token, first.cookie)).toMatchObject({ ok: true, cookie: null });
    expect(tickets.forDevice(token, first.cookie)).toMatchObject({ ok: true });
    expect(tickets.open(token, null)).toEqual({ ok: false, code: 'receipt.taken' });
    expect(tickets.open(token, 'someone-else')).toEqual({ ok: false, code: 'receipt.taken' });
    expect(tickets.forDevice(token, 'someone-else')).toEqual({ ok: false, code: 'receipt.taken' });
  });

  it('never hand the calendar to a device that has not opened the page', () => {
    const { token } = tickets.issue('kiosk-1', 'en', ITEMS);
    expect(tickets.forDevice(token, null)).toEqual({ ok: false, code: 'receipt.taken' });
    expect(tickets.open(token, null)).toMatchObject({ ok: true });
  });

  it('are gone after 14 days, and dropped from the database at the next issue', () => {
    const { token } = tickets.issue('kiosk-1', 'en', ITEMS);
    const opened = tickets.open(token, null);
    const cookie = opened.ok ? opened.cookie : null;
    now = addMinutes(addDays(START, 14), -1);
    expect(tickets.open(token, cookie)).toMatchObject({ ok: true });
    now = addDays(START, 14);
    expect(tickets.open(token, cookie)).toEqual({ ok: false, code: 'receipt.gone' });
    expect(tickets.forDevice(token, cookie)).toEqual({ ok: false, code: 'receipt.gone' });
    expect(tickets.open('unknown', null)).toEqual({ ok: false, code: 'receipt.gone' });
    tickets.issue('kiosk-1', 'en', ITEMS);
    expect(db.prepare('SELECT COUNT(*) FROM receipt_tickets').pluck().get()).toBe(1);
  });
});
