/**
 * The library's calendar days in its time zone. Rolling up a year of transactions asks for a
 * million of them, so the zone's offset is looked up once per quarter hour of UTC (every zone
 * changes its offset only at a quarter hour) and reused.
 */
const QUARTER_HOUR_MS = 15 * 60_000;

export class LocalDays {
  private readonly offsets = new Map<number, number>();
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  /** The local day (YYYY-MM-DD) of an instant given as milliseconds or an ISO string. */
  dayOf(instant: number | string): string {
    const ms = typeof instant === 'number' ? instant : Date.parse(instant);
    return new Date(ms + this.offsetAt(ms)).toISOString().slice(0, 10);
  }

  /** The instant local midnight starts `day` (YYYY-MM-DD). */
  startOf(day: string): Date {
    const wall = Date.parse(`${day}T00:00:00Z`);
    // The offset at the guess is right unless a change falls between; a second look settles it.
    const guess = wall - this.offsetAt(wall);
    return new Date(wall - this.offsetAt(guess));
  }

  /** Local wall time minus UTC, in milliseconds, at `ms`. */
  private offsetAt(ms: number): number {
    const bucket = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      const at = bucket * QUARTER_HOUR_MS;
      const parts = this.format.formatToParts(new Date(at));
      const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
      offset = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - at;
      this.offsets.set(bucket, offset);
    }
    return offset;
  }
}

/** The day after `day` (YYYY-MM-DD), by the calendar. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
