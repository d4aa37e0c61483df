/**
 * SIP2 dates: `YYYYMMDDZZZZHHMMSS`, where ZZZZ is blank for the library's local time or `   Z` for UTC.
 * We write local time with a blank zone (what most servers expect); on the way in we accept what
 * servers actually send: any zone text, separators, a missing time, ISO 8601.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(date: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, Number(part.value)]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** The 18 characters of a SIP2 date, in the library's local time. */
export function formatSipDate(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}    ${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** 18 blanks: "no date" in a fixed field (e.g. the no-block due date). */
export const NO_SIP_DATE = ' '.repeat(18);

type Wall = [year: number, month: number, day: number, hour: number, minute: number, second: number];

/** The instant a wall-clock time in `timeZone` stands for (the offset looked up twice, for DST edges). */
function fromLocalTime(wall: Wall, timeZone: string): Date {
  const asUtc = Date.UTC(wall[0], wall[1] - 1, wall[2], wall[3], wall[4], wall[5]);
  let instant = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(instant), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    instant += asUtc - shown;
  }
  return new Date(instant);
}

function isValidWall([year, month, day, hour, minute, second]: Wall): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day &&
    hour < 24 && minute < 60 && second < 60
  );
}

const SIP_FORM = /^(\d{4})(\d{2})(\d{2})(.{4})(\d{2})(\d{2})(\d{2})/;
const LOOSE_FORM = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/i;

/** A date as a server sent it, or null when it is no date at all. A date without a time means the end of that day. */
export function parseSipDate(text: string, timeZone: string): Date | null {
  const trimmed = text.trim();
  const sip = SIP_FORM.exec(trimmed);
  if (sip) {
    const wall = sip.slice(1, 4).concat(sip.slice(5, 8)).map(Number) as Wall;
    if (!isValidWall(wall)) return null;
    const utc = sip[4]!.trim().toUpperCase() === 'Z';
    return utc ? new Date(Date.UTC(wall[0], wall[1] - 1, wall[2], wall[3], wall[4], wall[5])) : fromLocalTime(wall, timeZone);
  }
  const loose = LOOSE_FORM.exec(trimmed);
  if (!loose) return null;
  const hasTime = loose[4] !== undefined;
  const wall = [
    Number(loose[1]), Number(loose[2]), Number(loose[3]),
    hasTime ? Number(loose[4]) : 23, hasTime ? Number(loose[5]) : 59, hasTime ? Number(loose[6] ?? 0) : 59,
  ] as Wall;
  if (!isValidWall(wall)) return null;
  const zone = loose[7]?.toUpperCase();
  if (!zone) return fromLocalTime(wall, timeZone);
  const utc = Date.UTC(wall[0], wall[1] - 1, wall[2], wall[3], wall[4], wall[5]);
  if (zone === 'Z') return new Date(utc);
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.replace(/[^\d]/g, '');
  const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  return new Date(utc - offsetMinutes * 60_000);
}
