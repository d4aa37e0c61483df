import { beforeEach, describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../../../server/ebooks/daily-limit';
import { DownloadTickets } from '../../../server/ebooks/download-tickets';
import { storeEbook } from '../../../server/ebooks/store-ebook';
import { migratedDb, minimalEpub, scratchDataDir } from './ebook-test-kit';

let db: ReturnType<typeof migratedDb>;
let clock: Date;
let cardIds: number[];

beforeEach(async () => {
  db = migratedDb();
  clock = new Date('2025-03-01T02:00:00Z'); // 10:00 in Shanghai
  const dataDir = scratchDataDir();
  cardIds = [];
  for (const n of [1, 2, 3]) {
    const stored = await storeEbook({ db, dataDir, bytes: await minimalEpub([], `<dc:title>Book ${n}</dc:title>`), originalName: `${n}.epub`, access: 'card' });
    if (!stored.ok) throw new Error(stored.code);
    cardIds.push(stored.id);
  }
});

const service = () => new DownloadTickets(db, () => clock, { dailyCardLimit: 2, timeZone: 'Asia/Shanghai' });

function take(tickets: DownloadTickets, ebookId: number, card = '20140001') {
  const issued = tickets.issue({ ebookId, kioskId: 'lobby', patronCard: card });
  if (!issued.ok) return issued;
  return tickets.redeem(issued.ticket.token);
}

describe('daily limit of card titles', () => {
  it('refuses a patron the title after the limit, at the kiosk', () => {
    const tickets = service();
    expect(take(tickets, cardIds[0]!).ok).toBe(true);
    expect(take(tickets, cardIds[1]!).ok).toBe(true);
    expect(tickets.issue({ ebookId: cardIds[2]!, kioskId: 'lobby', patronCard: '20140001' })).toEqual({ ok: false, code: 'ebook.dailyLimit' });
    expect(take(tickets, cardIds[2]!, '20140002').ok).toBe(true);
  });

  it('counts a title once however often its ticket is downloaded', () => {
    const tickets = service();
    const issued = tickets.issue({ ebookId: cardIds[0]!, kioskId: 'lobby', patronCard: '20140001' });
    if (!issued.ok) throw new Error(issued.code);
    for (let i = 0; i < 3; i++) expect(tickets.redeem(issued.ticket.token).ok).toBe(true);
    expect(take(tickets, cardIds[1]!).ok).toBe(true);
  });

  it('also holds when tickets were issued before the limit was reached', () => {
    const tickets = service();
    const early = cardIds.map((ebookId) => tickets.issue({ ebookId, kioskId: 'lobby', patronCard: '20140001' }));
    const redeemed = early.map((t) => (t.ok ? tickets.redeem(t.ticket.token) : t));
    expect(redeemed.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'ok', 'ebook.dailyLimit']);
  });

  it('starts again at midnight in the library’s time zone', () => {
    const tickets = service();
    take(tickets, cardIds[0]!);
    take(tickets, cardIds[1]!);
    clock = new Date('2025-03-01T15:59:00Z'); // 23:59 in Shanghai
    expect(take(tickets, cardIds[2]!)).toEqual({ ok: false, code: 'ebook.dailyLimit' });
    clock = new Date('2025-03-01T16:00:00Z'); // midnight
    expect(take(tickets, cardIds[2]!).ok).toBe(true);
  });

  it('finds local midnight for a zone', () => {
    expect(startOfLocalDay(new Date('2025-03-01T02:00:00Z'), 'Asia/Shanghai').toISOString()).toBe('2025-02-28T16:00:00.000Z');
    expect(startOfLocalDay(new Date('2025-03-01T02:00:00Z'), 'UTC').toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });
});
