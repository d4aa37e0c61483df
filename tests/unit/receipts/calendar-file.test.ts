import { describe, expect, it } from 'vitest';
import { dueDatesCalendar, dueDays, escapeText, foldLine } from '../../../server/receipts/calendar-file';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const ITEMS = [
  // 23:59 and 18:00 in Shanghai on 30 March: one event.
  { title: '活着', barcode: '39010001', dueAt: '2026-03-30T15:59:00.000Z' },
  { title: 'Notes; with, commas\\and a line\nbreak', barcode: '39010002', dueAt: '2026-03-30T10:00:00.000Z' },
  // 00:30 on 14 April in Shanghai, still 13 April in UTC.
  { title: '三国演义', barcode: '39010051', dueAt: '2026-04-13T16:30:00.000Z' },
];

/** RFC 5545 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('the due-dates calendar file', () => {
  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const line = `DESCRIPTION:${'红楼梦'.repeat(30)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('groups items by the library’s calendar day', () => {
    expect(dueDays(ITEMS, 'Asia/Shanghai').map(({ day, items }) => [day, items.map((item) => item.barcode)])).toEqual([
      ['2026-03-30', ['39010001', '39010002']],
      ['2026-04-14', ['39010051']],
    ]);
    expect(dueDays(ITEMS, 'UTC').map(({ day }) => day)).toEqual(['2026-03-30', '2026-04-13']);
  });

  it('has one all-day event per due day with a reminder two days before, in CRLF lines', () => {
    const text = dueDatesCalendar({ items: ITEMS, libraryName: 'Demo County Library', language: 'en', timeZone: 'Asia/Shanghai', uidPrefix: 'receipt-7@hub', now: NOW });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const lines = unfold(text).split('\r\n');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('DTSTART'))).toEqual(['DTSTART;VALUE=DATE:20260330', 'DTSTART;VALUE=DATE:20260414']);
    expect(lines.filter((line) => line.startsWith('DTEND'))).toEqual(['DTEND;VALUE=DATE:20260331', 'DTEND;VALUE=DATE:20260415']);
    expect(lines.filter((line) => line === 'TRIGGER:-P2D')).toHaveLength(2);
    expect(lines).toContain('UID:receipt-7@hub-20260330');
    expect(lines).toContain('DTSTAMP:20260302T020000Z');
    expect(lines).toContain('SUMMARY:Return 2 book(s) · Demo County Library');
    expect(lines).toContain('DESCRIPTION:活着 (39010001)\\nNotes\\; with\\, commas\\\\and a line\\nbreak (39010002)');
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
  });

  it('speaks the receipt’s language', () => {
    const text = unfold(dueDatesCalendar({ items: ITEMS.slice(2), libraryName: '示范县图书馆', language: 'zh-CN', timeZone: 'Asia/Shanghai', uidPrefix: 'r', now: NOW }));
    expect(text).toContain('SUMMARY:还书 1 本 · 示范县图书馆');
    expect(text).toContain('DESCRIPTION:1 本书两天后到期');
  });
});
