/**
 * The receipt's due dates as an iCalendar file (RFC 5545): one all-day event per due day in the
 * library's time zone (items due the same day are one event), each with a reminder two days before.
 * Lines end in CRLF, text values are escaped, and lines longer than 75 octets are folded
 * without splitting a UTF-8 character.
 */
import type { Language } from '../../shared/api/schemas';
import { translatorFor } from '../../shared/i18n';
import type { ReceiptItem } from '../../shared/receipts/schemas';

export interface DueDay {
  /** YYYY-MM-DD in the library's time zone. */
  day: string;
  items: ReceiptItem[];
}

/** The library's calendar day of an instant. */
export function dayIn(timeZone: string, iso: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function dueDays(items: ReceiptItem[], timeZone: string): DueDay[] {
  const byDay = new Map<string, ReceiptItem[]>();
  for (const item of items) {
    const day = dayIn(timeZone, item.dueAt);
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  return [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, dayItems]) => ({ day, items: dayItems }));
}

/** TEXT value escaping: backslash first, then ; , and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** A content line folded at 75 octets: each continuation starts with one space (which counts). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDay = (day: string) => day.replace(/-/g, '');

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export interface CalendarInput {
  items: ReceiptItem[];
  libraryName: string;
  language: Language;
  timeZone: string;
  /** Makes each event's UID unique to this receipt (the ticket's row id), with the hub's host. */
  uidPrefix: string;
  now: Date;
}

export function dueDatesCalendar({ items, libraryName, language, timeZone, uidPrefix, now }: CalendarInput): string {
  const t = translatorFor(language);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Library self-service kiosk//Receipt//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const { day, items: dayItems } of dueDays(items, timeZone)) {
    const count = dayItems.length;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidPrefix}-${compactDay(day)}`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${compactDay(day)}`,
      `DTEND;VALUE=DATE:${compactDay(nextDay(day))}`,
      `SUMMARY:${escapeText(t('receipt.calendar.summary', { count, library: libraryName }))}`,
      `DESCRIPTION:${escapeText(dayItems.map((item) => `${item.title} (${item.barcode})`).join('\n'))}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(t('receipt.calendar.alarm', { count }))}`,
      'TRIGGER:-P2D',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
