import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { API, KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import { AnnualReport, StatisticsAnswer, type StatisticsRow } from '../../shared/statistics/schemas';
import { ADMIN_PASSWORD, LIBRARIAN_PASSWORD, staffHarness } from './support/staff-harness';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

/** A hub with a librarian signed in (START is 2026-03-02 10:00 in Shanghai). */
async function librarianHub() {
  hub = await createTestHub();
  const staff = staffHarness(hub);
  await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
  const { token } = await staff.signIn('zhao', LIBRARIAN_PASSWORD);
  // Signed in afresh for each request: tests move the clock past the staff session's idle end.
  const get = async (url: string) => staff.asStaff((await staff.signIn('zhao', LIBRARIAN_PASSWORD)).token, 'GET', url);
  const statistics = async (query: string) => {
    const response = await get(`${API.staffStatistics}?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return StatisticsAnswer.parse(response.json());
  };
  return { hub, staff, token, get, statistics };
}

const row = (answer: StatisticsAnswer, period: string, kiosk = 'local'): StatisticsRow => {
  const found = answer.rows.find((r) => r.period === period && r.kiosk === kiosk);
  if (!found) throw new Error(`no row ${period} ${kiosk}`);
  return found;
};

describe('GET /api/admin/statistics', () => {
  it('is open to librarians and admins, never without a staff session or with a kiosk’s tokens', async () => {
    const { hub, staff, get } = await librarianHub();
    const query = '?from=2026-03-01&to=2026-03-31&granularity=day';
    for (const path of [API.staffStatistics + query, API.staffStatisticsCsv + query, `${API.staffAnnualReport}?year=2026`]) {
      expect((await get(path)).statusCode, path).toBe(200);
      expect((await hub.app.inject({ method: 'GET', url: path })).statusCode, path).toBe(401);
      const patronToken = await hub.signIn('20140001', '2580');
      const asKiosk = await hub.app.inject({
        method: 'GET',
        url: path,
        headers: { [KIOSK_TOKEN_HEADER]: hub.kioskToken, authorization: `Bearer ${patronToken}` },
      });
      expect(asKiosk.statusCode, path).toBe(401);
      expect(asKiosk.json()).toEqual({ error: { code: 'staff.signInRequired' } });
    }
    await staff.addAccount('admin', ADMIN_PASSWORD, 'admin');
    const admin = (await staff.signIn('admin', ADMIN_PASSWORD)).token;
    expect((await staff.asStaff(admin, 'GET', API.staffStatistics + query)).statusCode).toBe(200);
  });

  it('refuse a librarian who must choose a new password first', async () => {
    hub = await createTestHub();
    const staff = staffHarness(hub);
    await staff.addAccount('qian', LIBRARIAN_PASSWORD, 'librarian', true);
    const { token } = await staff.signIn('qian', LIBRARIAN_PASSWORD);
    const query = '?from=2026-03-01&to=2026-03-31&granularity=day';
    for (const path of [API.staffStatistics + query, API.staffStatisticsCsv + query, `${API.staffAnnualReport}?year=2026`]) {
      const response = await staff.asStaff(token, 'GET', path);
      expect(response.statusCode, path).toBe(403);
      expect(response.json()).toEqual({ error: { code: 'staff.passwordChangeRequired' } });
    }
  });

  it.each([
    ['from=2026-03-01T00:00&to=2026-03-31', 400, 'statistics.badDate'],
    [`from=2026-03-01&to=2026-03-31&kiosk=${'k'.repeat(65)}`, 400, 'request.invalid'],
    ['from=2026-02-30&to=2026-03-31', 400, 'statistics.badDate'],
    ['from=2026-3-1&to=2026-03-31', 400, 'statistics.badDate'],
    ['to=2026-03-31', 400, 'statistics.badDate'],
    ['from=2026-04-01&to=2026-03-31', 400, 'statistics.badDate'],
    ['from=2025-01-01&to=2026-03-31&granularity=day', 400, 'statistics.rangeTooLong'],
    ['from=2016-01-01&to=2026-03-31&granularity=month', 400, 'statistics.rangeTooLong'],
    ['from=2026-03-01&to=2026-03-31&granularity=week', 400, 'request.invalid'],
    ['from=2026-03-01&to=2026-03-31&kiosk=nowhere', 404, 'statistics.unknownKiosk'],
  ])('refuses %s clearly', async (query, status, code) => {
    const { get } = await librarianHub();
    const response = await get(`${API.staffStatistics}?${query}`);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ error: { code } });
    expect((await get(`${API.staffStatisticsCsv}?${query}`)).statusCode).toBe(status);
  });

  it('a year by day (366 days in a leap year) and ten years by month are answered', async () => {
    const { statistics } = await librarianHub();
    expect((await statistics('from=2024-01-01&to=2024-12-31&granularity=day')).periodTotals).toHaveLength(366);
    expect((await statistics('from=2017-01-01&to=2026-12-31&granularity=month')).periodTotals).toHaveLength(120);
  });

  it('counts loans, returns, renewals, refusals by reason and distinct patrons from the kiosk', async () => {
    const { hub, statistics } = await librarianHub();
    const zhang = await hub.signIn('20140001', '2580');
    expect((await hub.checkout(zhang, '39010001')).json()).toMatchObject({ ok: true });
    expect((await hub.checkout(zhang, '39010002')).json()).toMatchObject({ ok: true });
    expect((await hub.checkout(zhang, '39010042')).json()).toMatchObject({ ok: false, code: 'item.notForLoan' });
    await hub.renew(zhang, ['39010001']);
    expect((await hub.checkin('39010002')).json()).toMatchObject({ ok: true });
    const li = await hub.signIn('20140004', '8642');
    expect((await hub.checkout(li, '39010003')).json()).toMatchObject({ ok: true });

    const answer = await statistics('from=2026-03-01&to=2026-03-03&granularity=day');
    expect(row(answer, '2026-03-02')).toMatchObject({
      loans: 3, returns: 1, renewals: 1, refusals: 1, refusalsByReason: { 'item.notForLoan': 1 }, distinctPatrons: 2, offline: 0,
    });
    expect(row(answer, '2026-03-01')).toMatchObject({ loans: 0, distinctPatrons: 0 });
    expect(answer.total).toMatchObject({ loans: 3, returns: 1, distinctPatrons: 2 });
    expect(answer.kiosks).toEqual([{ id: 'local', name: 'Demo kiosk' }]);

    // A retried checkout is answered from the log and not counted again.
    const retried = randomUUID();
    await hub.checkout(zhang, '39010004', retried);
    await hub.checkout(zhang, '39010004', retried);
    expect((await statistics('from=2026-03-02&to=2026-03-02&granularity=day')).total.loans).toBe(4);
  });

  it('counts by the library’s day: 23:30 and 00:30 in Shanghai are different days', async () => {
    const { hub, statistics } = await librarianHub();
    hub.advanceMinutes(13 * 60 + 30); // 15:30 UTC: 23:30 on 2 March in Shanghai
    const zhang = await hub.signIn('20140001', '2580');
    await hub.checkout(zhang, '39010001');
    hub.advanceMinutes(60); // 00:30 on 3 March in Shanghai, still 2 March in UTC
    await hub.checkout(await hub.signIn('20140001', '2580'), '39010002');
    const answer = await statistics('from=2026-03-02&to=2026-03-03&granularity=day');
    expect(row(answer, '2026-03-02').loans).toBe(1);
    expect(row(answer, '2026-03-03').loans).toBe(1);
    const months = await statistics('from=2026-01-01&to=2026-12-31&granularity=month');
    expect(months.periodTotals.map((r) => r.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(months.periodTotals[2]).toMatchObject({ loans: 2, distinctPatrons: 1 });
  });

  it('keeps only keyed hashes of cards in the statistics tables, and clears the log’s cards after 7 days', async () => {
    const { hub, statistics } = await librarianHub();
    const zhang = await hub.signIn('20140001', '2580');
    const requestId = randomUUID();
    const first = (await hub.checkout(zhang, '39010001', requestId)).json();
    await statistics('from=2026-03-01&to=2026-03-31&granularity=day');
    const statisticsTables = hub.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'statistics%'")
      .pluck()
      .all() as string[];
    expect(statisticsTables.sort()).toEqual(['statistics_daily', 'statistics_patron_counts', 'statistics_patron_days', 'statistics_patron_periods', 'statistics_progress']);
    const dump = JSON.stringify(statisticsTables.map((table) => hub.db.prepare(`SELECT * FROM ${table}`).all()));
    expect(dump).not.toContain('20140001');
    expect(hub.db.prepare('SELECT COUNT(*) FROM statistics_patron_days').pluck().get()).toBe(1);

    hub.advanceMinutes(8 * 24 * 60);
    const fresh = await hub.signIn('20140001', '2580');
    await statistics('from=2026-03-01&to=2026-03-31&granularity=day');
    const cards = hub.db.prepare('SELECT created_at, patron_card FROM transactions ORDER BY id').all() as { created_at: string; patron_card: string | null }[];
    expect(cards.filter((t) => t.created_at < '2026-03-05').every((t) => t.patron_card === null)).toBe(true);
    expect(cards.at(-1)!.patron_card).toBe('20140001');
    // The retry memory still answers after the card is gone from the log.
    expect((await hub.checkout(fresh, '39010001', requestId)).json()).toEqual(first);
    expect((await statistics('from=2026-03-01&to=2026-03-31&granularity=month')).total.distinctPatrons).toBe(1);
  });

  it('counts an offline transaction replayed after that day was counted on its own day, month and year', async () => {
    const { hub, statistics, get } = await librarianHub();
    await hub.checkout(await hub.signIn('20140001', '2580'), '39010001');
    const before = await statistics('from=2026-03-02&to=2026-03-02&granularity=day');
    expect(before.total).toMatchObject({ loans: 1, distinctPatrons: 1 });
    // A week later a kiosk that was offline hands in a loan it made on 2 March (what offline-replay.ts records).
    hub.advanceMinutes(7 * 24 * 60);
    hub.db
      .prepare(`INSERT INTO transactions (kiosk_id, type, item_barcode, patron_card, result, code, created_at, offline)
                VALUES ('local', 'checkout', '39010002', '20140004', 'ok', NULL, '2026-03-02T06:00:00.000Z', 1)`)
      .run();
    for (const [query, period] of [['from=2026-03-02&to=2026-03-02&granularity=day', '2026-03-02'], ['from=2026-03-01&to=2026-03-31&granularity=month', '2026-03'], ['from=2026-01-01&to=2026-12-31&granularity=year', '2026']] as const) {
      const answer = await statistics(query);
      expect(row(answer, period), query).toMatchObject({ loans: 2, offline: 1, distinctPatrons: 2 });
      expect(answer.total.distinctPatrons, query).toBe(2);
    }
    // A range that cuts March counts the same two, once each.
    expect((await statistics('from=2026-02-15&to=2026-03-09&granularity=month')).total.distinctPatrons).toBe(2);
    const report = AnnualReport.parse((await get(`${API.staffAnnualReport}?year=2026`)).json());
    expect(report).toMatchObject({ loans: 2, distinctPatrons: 2, visits: 2, offline: 1 });
  });

  it('counts e-book tickets and downloads per kiosk and day', async () => {
    const { hub, statistics } = await librarianHub();
    const ebookId = hub.db
      .prepare("INSERT INTO ebooks (sha256, format, title, search_keys_json, file_path, size_bytes, created_at, updated_at) VALUES ('ab12', 'epub', '三体', '{}', 'ebooks/ab12.epub', 10, '2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')")
      .run().lastInsertRowid;
    const at = '2026-03-02T02:00:00.000Z';
    const ticket = hub.db
      .prepare(`INSERT INTO download_tickets (token_hash, short_code, ebook_id, kiosk_id, patron_card, created_at, expires_at, downloads_left)
                VALUES ('h1', 'K7M2Q9', ?, 'local', '20140003', ?, ?, 1)`)
      .run(ebookId, at, at).lastInsertRowid;
    hub.db.prepare('INSERT INTO ebook_downloads (ticket_id, ebook_id, kiosk_id, patron_card, at) VALUES (?, ?, ?, NULL, ?)').run(ticket, ebookId, 'local', at);
    hub.db.prepare('INSERT INTO ebook_downloads (ticket_id, ebook_id, kiosk_id, patron_card, at) VALUES (?, ?, ?, NULL, ?)').run(ticket, ebookId, 'local', at);
    const answer = await statistics('from=2026-03-02&to=2026-03-02&granularity=day');
    expect(row(answer, '2026-03-02')).toMatchObject({ ebookTickets: 1, ebookDownloads: 2, distinctPatrons: 1 });
  });

  it('answers one kiosk alone, and keeps a removed kiosk’s figures', async () => {
    const { hub, statistics } = await librarianHub();
    const otherToken = hub.addKiosk('reading-room');
    const zhang = await hub.signIn('20140001', '2580');
    await hub.checkout(zhang, '39010001');
    const atOther = await hub.call('POST', API.session, { kioskToken: otherToken, body: { cardNumber: '20140004', pin: '8642' } });
    const liToken = (atOther.json() as { token: string }).token;
    await hub.call('POST', API.checkout, { kioskToken: otherToken, patronToken: liToken, body: { itemBarcode: '39010002', requestId: randomUUID() } });

    const both = await statistics('from=2026-03-02&to=2026-03-02&granularity=day');
    expect(both.rows.map((r) => [r.kiosk, r.loans])).toEqual([['local', 1], ['reading-room', 1]]);
    expect(both.periodTotals[0]).toMatchObject({ loans: 2, distinctPatrons: 2 });
    const one = await statistics('from=2026-03-02&to=2026-03-02&granularity=day&kiosk=reading-room');
    expect(one.rows.map((r) => [r.kiosk, r.loans])).toEqual([['reading-room', 1]]);
    expect(one.total).toMatchObject({ loans: 1, distinctPatrons: 1 });

    hub.db.prepare("DELETE FROM kiosks WHERE id = 'reading-room'").run();
    const after = await statistics('from=2026-03-02&to=2026-03-02&granularity=day&kiosk=reading-room');
    expect(after.kiosks).toEqual([{ id: 'reading-room', name: 'reading-room' }]);
    expect(after.total.loans).toBe(1);
  });
});

describe('GET /api/admin/statistics.csv', () => {
  it('has the stable header, a BOM, Chinese kiosk names, one row per period and kiosk', async () => {
    const { hub, get } = await librarianHub();
    hub.db.prepare("UPDATE kiosks SET name = '一楼大厅' WHERE id = 'local'").run();
    await hub.checkout(await hub.signIn('20140001', '2580'), '39010001');
    const response = await get(`${API.staffStatisticsCsv}?from=2026-03-01&to=2026-03-02&granularity=day`);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="statistics-2026-03-01-2026-03-02-day.csv"');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.body.slice(1).split('\r\n')).toEqual([
      'period,kiosk,loans,returns,renewals,refusals,ebook_tickets,ebook_downloads,distinct_patrons',
      '2026-03-01,一楼大厅,0,0,0,0,0,0,0',
      '2026-03-02,一楼大厅,1,0,0,0,0,0,1',
      '',
    ]);
  });

  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+SUM(A1:A9)', "'+SUM(A1:A9)"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['Lobby, "north"', '"Lobby, ""north"""'],
  ])('escapes a kiosk named %j so no spreadsheet runs it', async (name, cell) => {
    const { hub, get } = await librarianHub();
    hub.db.prepare("UPDATE kiosks SET name = ? WHERE id = 'local'").run(name);
    const response = await get(`${API.staffStatisticsCsv}?from=2026-03-02&to=2026-03-02&granularity=day`);
    expect(response.body.split('\r\n')[1]).toBe(`2026-03-02,${cell},0,0,0,0,0,0,0`);
  });
});

describe('GET /api/admin/annual-report', () => {
  it('gives the figures a library quotes', async () => {
    const { hub, get } = await librarianHub();
    const zhang = await hub.signIn('20140001', '2580');
    await hub.checkout(zhang, '39010001');
    await hub.checkout(zhang, '39010002');
    await hub.checkin('39010002');
    hub.advanceMinutes(24 * 60);
    await hub.checkout(await hub.signIn('20140001', '2580'), '39010003');
    // What the offline issue will record: a loan made at the kiosk while offline.
    hub.db
      .prepare(`INSERT INTO transactions (kiosk_id, type, item_barcode, patron_card, result, code, created_at, offline)
                VALUES ('local', 'checkout', '39010004', '20140004', 'ok', NULL, '2026-05-10T03:00:00.000Z', 1)`)
      .run();

    const response = await get(`${API.staffAnnualReport}?year=2026`);
    expect(response.statusCode).toBe(200);
    const report = AnnualReport.parse(response.json());
    expect(report).toMatchObject({
      year: 2026,
      timeZone: 'Asia/Shanghai',
      loans: 4,
      returns: 1,
      loansAndReturns: 5,
      renewals: 0,
      distinctPatrons: 2,
      visits: 3,
      newCards: 5,
      busiestMonth: { month: '2026-03', loansAndReturns: 4 },
      busiestKiosk: { id: 'local', name: 'Demo kiosk', loansAndReturns: 5 },
      offline: 1,
      offlineShare: 1 / 5,
    });
    expect(report.months).toHaveLength(12);
    expect(report.months[4]).toEqual({ month: '2026-05', loans: 1, returns: 0, renewals: 0 });

    const empty = AnnualReport.parse((await get(`${API.staffAnnualReport}?year=2025`)).json());
    expect(empty).toMatchObject({ loansAndReturns: 0, newCards: 0, busiestMonth: null, busiestKiosk: null, offlineShare: null });
  });

  it.each(['', 'year=1999', 'year=2101', 'year=20x6', 'year=2026.5', 'year=2026&year=2025'])('refuses the year in %j', async (query) => {
    const { get } = await librarianHub();
    const response = await get(`${API.staffAnnualReport}?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'statistics.badYear' } });
  });
});
