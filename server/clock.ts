/** The hub reads time only through a Clock, so tests can move it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const MINUTE_MS = 60_000;

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * MINUTE_MS);
}

export function addDays(date: Date, days: number): Date {
  return addMinutes(date, days * 24 * 60);
}
