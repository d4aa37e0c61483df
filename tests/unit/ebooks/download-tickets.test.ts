import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DownloadTickets } from '../../../server/ebooks/download-tickets';
import type { TicketPolicy } from '../../../server/ebooks/download-tickets';
import { SHORT_CODE_ALPHABET } from '../../../server/ebooks/short-code';
import { storeEbook } from '../../../server/ebooks/store-ebook';
import { migratedDb, minimalEpub, scratchDataDir } from './ebook-test-kit';

let db: ReturnType<typeof migratedDb>;
let clock: Date;
const now = () => clock;
const minutes = (n: number) => (clock = new Date(clock.getTime() + n * 60_000));
let openId: number;
let cardId: number;

beforeEach(async () => {
  db = migratedDb();
  clock = new Date('2025-03-01T02:00:00Z');
  const dataDir = scratchDataDir();
  const open = await storeEbook({ db, dataDir, bytes: await minimalEpub([], '<dc:title>Open</dc:title>'), originalName: 'open.epub' });
  const card = await storeEbook({ db, dataDir, bytes: await minimalEpub([], '<dc:title>Card</dc:title>'), originalName: 'card.epub', access: 'card' });
  if (!open.ok || !card.ok) throw new Error('fixtures refused');
  openId = open.id;
  cardId = card.id;
});

function tickets(policy: Partial<TicketPolicy> = {}, makeShortCode?: () => string) {
  return new DownloadTickets(db, now, { timeZone: 'Asia/Shanghai', ...policy }, makeShortCode);
}

function issued(service: DownloadTickets, ebookId = openId, patronCard: string | null = null) {
  const result = service.issue({ ebookId, kioskId: 'lobby', patronCard });
  if (!result.ok) throw new Error(result.code);
  return result.ticket;
}

describe('download tickets', () => {
  it('issue a 256-bit base64url token, storing only its SHA-256', () => {
    const ticket = issued(tickets());
    expect(ticket.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = db.prepare('SELECT * FROM download_tickets').all() as Array<Record<string, unknown>>;
    expect(JSON.stringify(stored)).not.toContain(ticket.token);
    expect(stored[0]?.token_hash).toBe(createHash('sha256').update(ticket.token).digest('hex'));
  });

  it('issue a six-character short code without look-alike characters', () => {
    const code = issued(tickets()).shortCode;
    expect(code).toHaveLength(6);
    expect([...code].every((c) => SHORT_CODE_ALPHABET.includes(c))).toBe(true);
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[0O1I]/);
  });

  it('give the e-book for up to three downloads, then refuse as used up', () => {
    const service = tickets();
    const { token } = issued(service);
    expect([1, 2, 3].map(() => service.redeem(token))).toMatchObject([
      { ok: true, ebook: { id: openId }, downloadsLeft: 2 },
      { ok: true, downloadsLeft: 1 },
      { ok: true, downloadsLeft: 0 },
    ]);
    expect(service.redeem(token)).toEqual({ ok: false, code: 'ticket.usedUp' });
    expect((db.prepare('SELECT COUNT(*) AS n FROM ebook_downloads').get() as { n: number }).n).toBe(3);
  });

  it('give back the bytes an interrupted download did not send, so each download can still be resumed', () => {
    const service = tickets();
    const { token } = issued(service);
    for (let i = 0; i < 3; i++) {
      const grant = service.redeem(token);
      if (!grant.ok) throw new Error(grant.code);
      service.release(grant, 100);
    }
    const size = (service.redeem(token, 'bytes=100-') as { ebook: { sizeBytes: number } }).ebook.sizeBytes;
    expect(service.redeem(token, 'bytes=100-')).toMatchObject({ ok: true, range: { start: 100, end: size - 1 }, downloadsLeft: 0 });
    expect(service.redeem(token, 'bytes=100-')).toMatchObject({ ok: true });
    expect(service.redeem(token, 'bytes=100-')).toEqual({ ok: false, code: 'ticket.usedUp' });
    // A range past the end costs nothing and tells the phone only the size.
    expect(service.redeem(token, `bytes=${size}-`)).toMatchObject({ ok: true, range: 'unsatisfiable', heldBytes: 0 });
    expect((db.prepare('SELECT COUNT(*) AS n FROM ebook_downloads').get() as { n: number }).n).toBe(3);
  });

  it('expire after ten minutes by default, and after the configured time otherwise', () => {
    const service = tickets();
    const { token } = issued(service);
    minutes(9);
    expect(service.redeem(token).ok).toBe(true);
    minutes(1);
    expect(service.redeem(token)).toEqual({ ok: false, code: 'ticket.expired' });

    const quick = tickets({ ttlMinutes: 2 });
    const second = issued(quick);
    minutes(2);
    expect(quick.redeem(second.token)).toEqual({ ok: false, code: 'ticket.expired' });
  });

  it('refuse a cancelled ticket, and let only the issuing kiosk cancel it', () => {
    const service = tickets();
    const ticket = issued(service);
    expect(service.cancel(ticket.id, 'another-kiosk')).toBe(false);
    expect(service.redeem(ticket.token).ok).toBe(true);
    expect(service.cancel(ticket.id, 'lobby')).toBe(true);
    expect(service.redeem(ticket.token)).toEqual({ ok: false, code: 'ticket.cancelled' });
  });

  it('refuse a token it never issued', () => {
    const service = tickets();
    const { token } = issued(service);
    expect(service.redeem(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toEqual({ ok: false, code: 'ticket.unknown' });
    expect(service.redeem('')).toEqual({ ok: false, code: 'ticket.unknown' });
  });

  it('report status for the kiosk to poll', () => {
    const service = tickets();
    const ticket = issued(service);
    service.redeem(ticket.token);
    expect(service.status(ticket.id, 'lobby')).toEqual({
      ticketId: ticket.id,
      state: 'live',
      downloadsUsed: 1,
      downloadsLeft: 2,
      expiresAt: '2025-03-01T02:10:00.000Z',
    });
    minutes(10);
    expect(service.status(ticket.id, 'lobby')?.state).toBe('expired');
    expect(service.status(ticket.id, 'another-kiosk')).toBeNull();
  });

  it('find and redeem a live ticket by its short code, as typed', () => {
    const service = tickets();
    const ticket = issued(service);
    const typed = `${ticket.shortCode.slice(0, 3).toLowerCase()} ${ticket.shortCode.slice(3)}`;
    expect(service.lookupShortCode(typed)).toMatchObject({ ticketId: ticket.id, ebook: { title: 'Open' } });
    expect(service.redeemShortCode(typed)).toMatchObject({ ok: true, downloadsLeft: 2 });
    minutes(10);
    expect(service.lookupShortCode(typed)).toBeNull();
    expect(service.redeemShortCode(typed)).toEqual({ ok: false, code: 'ticket.unknown' });
  });

  it('keep short codes unique among live tickets, reusing them once expired', () => {
    const codes = ['AAAAAA', 'AAAAAA', 'BBBBBB', 'AAAAAA'];
    const service = tickets({}, () => codes.shift()!);
    expect(issued(service).shortCode).toBe('AAAAAA');
    expect(issued(service).shortCode).toBe('BBBBBB');
    minutes(10);
    expect(issued(service).shortCode).toBe('AAAAAA');
  });

  it('give many live tickets distinct short codes', () => {
    const service = tickets();
    const codes = Array.from({ length: 200 }, () => issued(service).shortCode);
    expect(new Set(codes).size).toBe(200);
  });

  it('require a patron card for card titles and bind the ticket to it', () => {
    const service = tickets();
    expect(service.issue({ ebookId: cardId, kioskId: 'lobby', patronCard: null })).toEqual({ ok: false, code: 'ebook.cardRequired' });
    const ticket = issued(service, cardId, '20140001');
    service.redeem(ticket.token);
    expect(db.prepare('SELECT patron_card FROM ebook_downloads').get()).toEqual({ patron_card: '20140001' });
  });

  it('keep no card number for open titles', () => {
    const service = tickets();
    service.redeem(issued(service, openId, '20140001').token);
    expect(db.prepare('SELECT patron_card FROM download_tickets').get()).toEqual({ patron_card: null });
  });

  it('refuse an unknown e-book', () => {
    expect(tickets().issue({ ebookId: 9999, kioskId: 'lobby', patronCard: null })).toEqual({ ok: false, code: 'ebook.unknown' });
  });
});
